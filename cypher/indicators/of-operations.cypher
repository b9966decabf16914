// The indicators of each of a batch of operations.
UNWIND $ids AS oid
MATCH (o:Operation {id: oid})
OPTIONAL MATCH (o)-[:HAS_INDICATOR]->(i:Indicator)
WITH oid, i ORDER BY i.name
RETURN oid, collect(i {.*, operation: oid}) AS indicators
