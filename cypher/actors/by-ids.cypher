// Actors by id, for the per-request DataLoader (one round trip per batch of ids).
// Each actor is a flat list of values in the order of actorFromValues (src/actors/actor.record.ts):
// lists decode faster than maps, and instants travel as epoch milliseconds.
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN {{ACTOR a}} AS actor
