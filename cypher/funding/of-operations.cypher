// The fundings of each of a batch of operations, by year then id.
UNWIND $ids AS oid
MATCH (o:Operation {id: oid})
OPTIONAL MATCH (a:Actor)-[f:FUNDING]->(o)
WITH oid, a, f ORDER BY f.year, f.id
RETURN oid, collect(f {.*, funder: a.id, operation: oid}) AS fundings
