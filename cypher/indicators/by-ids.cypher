// Indicators by id (DataLoader).
UNWIND $ids AS id
MATCH (o:Operation)-[:HAS_INDICATOR]->(i:Indicator {id: id})
RETURN i {.*, operation: o.id} AS indicator
