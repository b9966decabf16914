// bonds/of-actors by an instant instead of the id: $orderField is CREATED_AT or UPDATED_AT, the
// bond id breaks ties, keyset on (instant, id). Instants compare to the millisecond, as the cursor
// carries them. Same rows as bonds/of-actors, with the instant of each bond in `k` for its cursor.
UNWIND $ids AS aid
MATCH (a:Actor {id: aid})
CALL (a) {
  MATCH (a)-[b:BOND]-(o)
  WHERE ($kinds IS NULL OR b.kind IN $kinds)
    AND ($direction = 'BOTH' OR ($direction = 'OUTGOING') = (startNode(b) = a))
  WITH b, o, datetime.truncate('millisecond', CASE $orderField WHEN 'CREATED_AT' THEN b.createdAt ELSE b.updatedAt END) AS k
  WHERE $afterId IS NULL
     OR k {{CMP}} $afterKey
     OR (k = $afterKey AND b.id {{CMP}} $afterId)
  RETURN b, o, k
  ORDER BY k {{DIR}}, b.id {{DIR}}
  LIMIT $limit
}
RETURN aid, k,
       {{BOND b}} AS bond,
       {{ACTOR o}} AS other
