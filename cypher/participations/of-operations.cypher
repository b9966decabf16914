// A page of the participations of each of a batch of operations, optionally by role, keyset on
// participation id; one row per participation as flat values (see participationsOfOperations in
// src/participations/participation.loader.ts), with the participant (as in actorFromValues) so
// that `actor` costs no second trip. The page seeks the (_operation, id) index from the cursor and
// stops at the page's end (migration 008): its cost follows the page, not the operation's size.
// The operation's own node is not matched again (the loader asks for operations it has read).
// $afterId is never null (the loader sends the lowest or highest string on a first page): a plain
// range on id is what lets the seek start at the cursor instead of filtering from the first row.
UNWIND $ids AS oid
CALL (oid) {
  MATCH (a)-[p:PARTICIPATES_IN]->()
  WHERE p._operation = oid
    AND p.id {{CMP}} $afterId
    AND ($roles IS NULL OR p.role IN $roles)
    AND ($asOf IS NULL OR ((p.since IS NULL OR p.since <= $asOf) AND (p.until IS NULL OR p.until >= $asOf)))
  RETURN p, a
  ORDER BY p._operation {{DIR}}, p.id {{DIR}}
  LIMIT $limit
}
RETURN oid,
       {{PARTICIPATION p}} AS participation,
       {{ACTOR a}} AS actor
