// Actors by id, for the per-request DataLoader (one round trip per batch of ids).
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN a {.*} AS actor
