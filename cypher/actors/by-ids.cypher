// Actors by id, for the per-request DataLoader (one round trip per batch of ids).
// Each actor is a flat list of values in the order of actorFromValues (src/actors/actor.service.ts):
// lists decode faster than maps, and instants travel as epoch milliseconds.
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN [a.id, a.name, a.kind, a.sector, a.description, a.territory, a.tags, a.source, a.externalId, a.email, a.phone, a.version, a.createdAt.epochMillis, a.updatedAt.epochMillis] AS actor
