// Loads participations (bulk, version 1).
WITH datetime() AS now
UNWIND $participations AS p
MATCH (a:Actor {id: p.actor}), (o:Operation {id: p.operation})
CREATE (a)-[r:PARTICIPATES_IN]->(o)
SET r.id = p.id, r.role = p.role, r.since = date(p.since), r.until = date(p.until),
    r.version = 1, r.createdAt = now, r.updatedAt = now
