// The first bonds of each of a batch of actors (one round trip for a whole page of actors), in the
// direction asked relative to each actor, by bond id, keyset on the id (the time orders are
// bonds/of-actors-by-time: computing their key for every bond of a busy actor is what this one
// saves). One row per bond, as flat values (see bondFromValues in src/bonds/bond.type.ts), with
// the actor at the other end (as in actorOrCardFromValues) so that `other`/`from`/`to` cost no
// second trip. The other end is touched only for the rows kept (no label test while sorting:
// bonds only join actors).
UNWIND $ids AS aid
MATCH (a:Actor {id: aid})
CALL (a) {
  MATCH (a)-[b:BOND]-(o)
  WHERE ($kinds IS NULL OR b.kind IN $kinds)
    AND ($direction = 'BOTH' OR ($direction = 'OUTGOING') = (startNode(b) = a))
    AND ($afterId IS NULL OR b.id {{CMP}} $afterId)
  RETURN b, o
  ORDER BY b.id {{DIR}}
  LIMIT $limit
}
RETURN aid, null AS k,
       {{BOND b}} AS bond,
       {{ACTOR o}} AS other
