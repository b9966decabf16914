// Loads bonds (bulk, version 1).
WITH datetime() AS now
UNWIND $bonds AS b
MATCH (f:Actor {id: b.from}), (t:Actor {id: b.to})
CREATE (f)-[r:BOND]->(t)
SET r = b {.id, .kind, .directed, .weight, .description, .source, .externalId},
    r.since = date(b.since), r.until = date(b.until),
    r.version = 1, r.createdAt = now, r.updatedAt = now
