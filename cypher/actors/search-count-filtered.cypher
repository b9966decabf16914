// How many actors a full-text search narrowed by the list filters matches (capped by $searchLimit).
CALL db.index.fulltext.queryNodes('actor_search', $search, {limit: $searchLimit}) YIELD node AS a
WHERE {{INCLUDE actor-filter}}
  AND ($operation IS NULL OR EXISTS { (a)-[:PARTICIPATES_IN]->(:Operation {id: $operation}) })
  AND ($common IS NULL
       OR EXISTS { (a)-[:PARTICIPATES_IN]->(:Operation)-[:SERVES]->(:Common {code: $common}) }
       OR EXISTS { (a)-[:STEWARDS]->(:Common {code: $common}) })
RETURN count(a) AS total
