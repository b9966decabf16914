// Creates one funding from an actor to an operation (given by id or code); no row when either is
// missing. The funder's source lets the caller check access and program structure before commit.
MATCH (a:Actor {id: $funder})
MATCH (o:Operation) WHERE o.id = $operation OR o.code = $operation
WITH a, o, datetime() AS now
CREATE (a)-[f:FUNDING]->(o)
SET f = $props, f.version = 1, f.createdAt = now, f.updatedAt = now
RETURN f {.*, funder: a.id, operation: o.id} AS funding, a.source AS funderSource
