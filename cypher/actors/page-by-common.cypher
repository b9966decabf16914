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
WHERE {{INCLUDE actor-filter}}
WITH a, {{INCLUDE actor-sort-key}} AS k
WHERE $afterKey IS NULL OR k {{CMP}} $afterKey OR (k = $afterKey AND a.id {{CMP}} $afterId)
WITH a, k
ORDER BY k {{DIR}}, a.id {{DIR}}
LIMIT $limit
RETURN {{ACTOR a}} AS actor,
       k, COUNT { (a)-[:BOND]-() } AS degree
