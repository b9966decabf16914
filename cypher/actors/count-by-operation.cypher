// How many participants of one operation match the other filters (starts from the operation).
MATCH (:Operation {id: $operation})<-[:PARTICIPATES_IN]-(a)
WITH DISTINCT a
WHERE ($kinds IS NULL OR a.kind IN $kinds)
  AND ($sectors IS NULL OR a.sector IN $sectors)
  AND ($source IS NULL OR a.source = $source)
  AND ($territory IS NULL OR a.territory = $territory)
  AND ($updatedSince IS NULL OR a.updatedAt >= $updatedSince)
  AND ($tags IS NULL OR all(t IN $tags WHERE t IN a.tags))
  AND ($common IS NULL
       OR EXISTS { (a)-[:PARTICIPATES_IN]->(:Operation)-[:SERVES]->(:Common {code: $common}) }
       OR EXISTS { (a)-[:STEWARDS]->(:Common {code: $common}) })
RETURN count(a) AS total
