// The actors one bond away from a set of actors (one BFS step of an ego network).
UNWIND $ids AS id
MATCH (:Actor {id: id})-[b:BOND]-(n:Actor)
WHERE ($kinds IS NULL OR b.kind IN $kinds)
  AND ($asOf IS NULL OR ((b.since IS NULL OR b.since <= $asOf) AND (b.until IS NULL OR b.until >= $asOf)))
RETURN DISTINCT n.id AS id
