// An actor joins an operation in a role (no row when either is missing).
MATCH (a:Actor {id: $actor}), (o:Operation {id: $operation})
WITH a, o, datetime() AS now
CREATE (a)-[p:PARTICIPATES_IN]->(o)
SET p = $props, p.version = 1, p.createdAt = now, p.updatedAt = now
RETURN p {.*, actor: a.id, operation: o.id, source: a.source} AS participation
