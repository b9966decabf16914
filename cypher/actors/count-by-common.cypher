// How many actors involved with one common match the other filters (starts from the common).
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
RETURN count(a) AS total
