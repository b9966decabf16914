// Loads actors (bulk, version 1).
WITH datetime() AS now
UNWIND $actors AS a
CREATE (n:Actor)
SET n = a {.id, .name, .kind, .sector, .description, .territory, .tags, .source, .externalId},
    n.version = 1, n.createdAt = now, n.updatedAt = now
