// How many actors a full-text search narrowed by the list filters matches (capped by $searchLimit).
CALL db.index.fulltext.queryNodes('actor_search', $search, {limit: $searchLimit}) YIELD node AS a
WHERE ($kinds IS NULL OR a.kind IN $kinds)
  AND ($sectors IS NULL OR a.sector IN $sectors)
  AND ($source IS NULL OR a.source = $source)
  AND ($territory IS NULL OR a.territory = $territory)
  AND ($updatedSince IS NULL OR a.updatedAt >= $updatedSince)
  AND ($tags IS NULL OR all(t IN $tags WHERE t IN a.tags))
  AND ($operation IS NULL OR EXISTS { (a)-[:PARTICIPATES_IN]->(:Operation {id: $operation}) })
  AND ($common IS NULL
       OR EXISTS { (a)-[:PARTICIPATES_IN]->(:Operation)-[:SERVES]->(:Common {code: $common}) }
       OR EXISTS { (a)-[:STEWARDS]->(:Common {code: $common}) })
RETURN count(a) AS total
