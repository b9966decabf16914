// The first bonds of each of a batch of actors (one round trip for a whole page of actors), in the
// direction asked relative to each actor, by $orderField (ID, CREATED_AT, UPDATED_AT) with the
// bond id breaking ties, keyset on (key, id). One row per bond, as flat values (see bondFromValues
// in src/bonds/bond.type.ts), with the actor at the other end (as in actorOrCardFromValues) so
// that `other`/`from`/`to` cost no second trip. The other end is touched only for the rows kept
// (no label test while sorting: bonds only join actors). Instants compare to the millisecond, as
// the cursor carries them.
UNWIND $ids AS aid
MATCH (a:Actor {id: aid})
CALL (a) {
  MATCH (a)-[b:BOND]-(o)
  WHERE ($kinds IS NULL OR b.kind IN $kinds)
    AND ($direction = 'BOTH' OR ($direction = 'OUTGOING') = (startNode(b) = a))
  WITH b, o, CASE $orderField WHEN 'CREATED_AT' THEN datetime.truncate('millisecond', b.createdAt) WHEN 'UPDATED_AT' THEN datetime.truncate('millisecond', b.updatedAt) ELSE null END AS k
  WHERE $afterId IS NULL
     OR ($afterKey IS NULL AND b.id {{CMP}} $afterId)
     OR k {{CMP}} $afterKey
     OR (k = $afterKey AND b.id {{CMP}} $afterId)
  RETURN b, o, k
  ORDER BY k {{DIR}}, b.id {{DIR}}
  LIMIT $limit
}
RETURN aid, k,
       {{BOND b}} AS bond,
       {{ACTOR o}} AS other
