// A page of the participants of one operation matching the other filters; keyset on (sort key, id).
// Starts from the operation (unique id) and walks its participations: far fewer rows than
// checking every actor (or every actor of a sector) for a participation. Only actors participate,
// so `a` needs no label check.
MATCH (:Operation {id: $operation})<-[:PARTICIPATES_IN]-(a)
WITH DISTINCT a
WHERE {{INCLUDE actor-filter}}
  AND ($common IS NULL
       OR EXISTS { (a)-[:PARTICIPATES_IN]->(:Operation)-[:SERVES]->(:Common {code: $common}) }
       OR EXISTS { (a)-[:STEWARDS]->(:Common {code: $common}) })
WITH a, {{INCLUDE actor-sort-key}} AS k
WHERE $afterKey IS NULL OR k {{CMP}} $afterKey OR (k = $afterKey AND a.id {{CMP}} $afterId)
WITH a, k
ORDER BY k {{DIR}}, a.id {{DIR}}
LIMIT $limit
RETURN {{ACTOR a}} AS actor,
       k, COUNT { (a)-[:BOND]-() } AS degree
