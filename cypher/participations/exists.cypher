// Whether an actor already holds a role in an operation, and whether both ends exist.
OPTIONAL MATCH (a:Actor {id: $actor})
OPTIONAL MATCH (o:Operation {id: $operation})
OPTIONAL MATCH (a)-[p:PARTICIPATES_IN {role: $role}]->(o)
RETURN a IS NOT NULL AS actorExists, o IS NOT NULL AS operationExists, a.source AS actorSource, p.id AS existing
