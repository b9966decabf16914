// How many bonds match the filter.
MATCH (f:Actor)-[b:BOND]->(t:Actor)
WHERE ($kinds IS NULL OR b.kind IN $kinds)
  AND ($source IS NULL OR b.source = $source)
  AND ($actor IS NULL OR f.id = $actor OR t.id = $actor)
  AND ($validOn IS NULL OR ((b.since IS NULL OR b.since <= $validOn) AND (b.until IS NULL OR b.until >= $validOn)))
  AND ($updatedSince IS NULL OR b.updatedAt >= $updatedSince)
RETURN count(b) AS total
