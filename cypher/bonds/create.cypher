// Creates one bond between two existing actors (no row when either is missing).
MATCH (f:Actor {id: $from}), (t:Actor {id: $to})
CREATE (f)-[b:BOND]->(t)
SET b = $props, b.version = 1, b.createdAt = datetime(), b.updatedAt = b.createdAt
RETURN b {.*, from: f.id, to: t.id} AS bond
