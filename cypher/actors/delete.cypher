// Deletes an actor with its bonds and participations; returns what went, for the change feed.
MATCH (a:Actor {id: $id})
WHERE $requiredSource IS NULL OR a.source = $requiredSource
OPTIONAL MATCH (a)-[b:BOND]-()
WITH a, collect(DISTINCT b {.id, .source, .externalId, .version}) AS bonds
OPTIONAL MATCH (a)-[p:PARTICIPATES_IN]->()
WITH a, bonds, collect(DISTINCT p {.id, .version}) AS participations, a {.id, .source, .externalId, .version, .kind} AS actor
DETACH DELETE a
RETURN actor, bonds, participations
