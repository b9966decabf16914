// Loads indicators under their operations.
UNWIND $indicators AS i
MATCH (o:Operation {id: i.operation})
CREATE (o)-[:HAS_INDICATOR]->(n:Indicator)
SET n = i {.id, .name, .unit, .value, .target}, n.date = date(i.date)
