// A page of the actors involved with one common (participants of the operations serving it, and
// its stewards) matching the other filters; keyset on (sort key, id). Starts from the common.
MATCH (c:Common {code: $common})
CALL (c) {
  MATCH (a:Actor)-[:PARTICIPATES_IN]->(:Operation)-[:SERVES]->(c)
  RETURN a
  UNION
  WITH c
  MATCH (a:Actor)-[:STEWARDS]->(c)
  RETURN a
}
WITH DISTINCT a
WHERE ($kinds IS NULL OR a.kind IN $kinds)
  AND ($sectors IS NULL OR a.sector IN $sectors)
  AND ($source IS NULL OR a.source = $source)
  AND ($territory IS NULL OR a.territory = $territory)
  AND ($updatedSince IS NULL OR a.updatedAt >= $updatedSince)
  AND ($tags IS NULL OR all(t IN $tags WHERE t IN a.tags))
WITH a, CASE $orderField WHEN 'NAME' THEN a.name WHEN 'CREATED_AT' THEN a.createdAt ELSE a.updatedAt END AS k
WHERE $afterKey IS NULL OR k {{CMP}} $afterKey OR (k = $afterKey AND a.id {{CMP}} $afterId)
WITH a, k
ORDER BY k {{DIR}}, a.id {{DIR}}
LIMIT $limit
RETURN {{ACTOR a}} AS actor,
       k, COUNT { (a)-[:BOND]-() } AS degree
