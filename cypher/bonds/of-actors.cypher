// The first bonds of each of a batch of actors (one round trip for a whole page of actors),
// keyset on bond id, in the direction asked relative to each actor.
UNWIND $ids AS aid
MATCH (a:Actor {id: aid})
CALL {
  WITH a
  MATCH (a)-[b:BOND]-(o:Actor)
  WHERE ($kinds IS NULL OR b.kind IN $kinds)
    AND ($direction = 'BOTH' OR ($direction = 'OUTGOING') = (startNode(b) = a))
    AND ($afterId IS NULL OR b.id {{CMP}} $afterId)
  RETURN b, startNode(b).id AS fromId, endNode(b).id AS toId
  ORDER BY b.id {{DIR}}
  LIMIT $limit
}
RETURN aid, collect(b {.*, from: fromId, to: toId}) AS bonds
