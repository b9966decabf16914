// An actor joins an operation in a role (no row when either is missing). MERGE on the pattern
// locks both ends before it creates, so concurrent identical calls create one participation;
// `created` tells the caller which call did.
MATCH (a:Actor {id: $actor}), (o:Operation {id: $operation})
WITH a, o, datetime() AS now
MERGE (a)-[p:PARTICIPATES_IN {role: $props.role}]->(o)
ON CREATE SET p = $props, p._operation = o.id, p.version = 1, p.createdAt = now, p.updatedAt = now
RETURN p {.*, actor: a.id, operation: o.id, source: a.source} AS participation, p.id = $props.id AS created
