// How many actors of some sectors match the other filters (index seek on sector).
MATCH (a:Actor)
WHERE a.sector IN $sectors
  AND ($kinds IS NULL OR a.kind IN $kinds)
  AND ($source IS NULL OR a.source = $source)
  AND ($territory IS NULL OR a.territory = $territory)
  AND ($updatedSince IS NULL OR a.updatedAt >= $updatedSince)
  AND ($tags IS NULL OR all(t IN $tags WHERE t IN a.tags))
RETURN count(a) AS total
