// A page of actors of some sectors (index seek on sector), matching the other filters; keyset on
// (sort key, id). Chosen by listActors when `sectors` is the most selective condition given.
MATCH (a:Actor)
WHERE a.sector IN $sectors
  AND ($kinds IS NULL OR a.kind IN $kinds)
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
