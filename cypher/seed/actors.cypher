// Loads actors (bulk, version 1): each `props` as the gate admitted it (src/seed/seed.service.ts).
WITH datetime() AS now
UNWIND $actors AS a
CREATE (n:Actor)
SET n = a.props, n.version = 1, n.createdAt = now, n.updatedAt = now
