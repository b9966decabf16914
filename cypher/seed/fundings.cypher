// Loads fundings (bulk, version 1): each `props` as the gate admitted it (src/seed/seed.service.ts).
WITH datetime() AS now
UNWIND $fundings AS f
MATCH (a:Actor {id: f.funder}), (o:Operation {id: f.operation})
CREATE (a)-[r:FUNDING]->(o)
SET r = f.props, r.version = 1, r.createdAt = now, r.updatedAt = now
