// Loads participations (bulk, version 1): each `props` as the gate admitted it (src/seed/seed.service.ts).
WITH datetime() AS now
UNWIND $participations AS p
MATCH (a:Actor {id: p.actor}), (o:Operation {id: p.operation})
CREATE (a)-[r:PARTICIPATES_IN]->(o)
SET r = p.props, r._operation = o.id, r.version = 1, r.createdAt = now, r.updatedAt = now
