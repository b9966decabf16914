// Loads bonds (bulk, version 1): each `props` as the gate admitted it (src/seed/seed.service.ts).
WITH datetime() AS now
UNWIND $bonds AS b
MATCH (f:Actor {id: b.from}), (t:Actor {id: b.to})
CREATE (f)-[r:BOND]->(t)
SET r = b.props, r.version = 1, r.createdAt = now, r.updatedAt = now
