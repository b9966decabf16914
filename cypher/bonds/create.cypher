// Creates one bond between two existing actors (no row when either is missing); the ends' sources
// let the caller check program structure before the transaction commits.
MATCH (f:Actor {id: $from}), (t:Actor {id: $to})
WITH f, t, datetime() AS now
CREATE (f)-[b:BOND]->(t)
SET b = $props, b.version = 1, b.createdAt = now, b.updatedAt = now
RETURN b {.*, from: f.id, to: t.id} AS bond, f.source AS fromSource, t.source AS toSource
