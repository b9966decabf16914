// A page of actors of some sectors (index seek on sector), matching the other filters; keyset on
// (sort key, id). Chosen by listActors when `sectors` is the most selective condition given.
MATCH (a:Actor)
WHERE a.sector IN $sectors
  AND {{INCLUDE actor-filter}}
WITH a, {{INCLUDE actor-sort-key}} AS k
WHERE $afterKey IS NULL OR k {{CMP}} $afterKey OR (k = $afterKey AND a.id {{CMP}} $afterId)
WITH a, k
ORDER BY k {{DIR}}, a.id {{DIR}}
LIMIT $limit
RETURN {{ACTOR a}} AS actor,
       k, COUNT { (a)-[:BOND]-() } AS degree
