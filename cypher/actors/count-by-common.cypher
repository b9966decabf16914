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
WHERE {{INCLUDE actor-filter}}
RETURN count(a) AS total
