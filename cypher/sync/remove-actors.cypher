// Deletes a source's actors by external id, with their bonds and participations.
UNWIND $externalIds AS xid
MATCH (a:Actor {source: $source, externalId: xid})
OPTIONAL MATCH (a)-[b:BOND]-()
WITH a, xid, collect(DISTINCT b {.id, .source, .externalId, .version}) AS bonds
OPTIONAL MATCH (a)-[p:PARTICIPATES_IN]->()
WITH a, xid, bonds, collect(DISTINCT p {.id, .version}) AS participations, a {.id, .source, .externalId, .version, .kind} AS actor
DETACH DELETE a
RETURN xid, actor, bonds, participations
