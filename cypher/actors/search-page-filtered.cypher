// Full-text search (French analyzer, accent-insensitive) narrowed by the list filters, best match
// first, keyset on (score, id). Actor values as in actorFromValues (src/actors/actor.record.ts).
CALL db.index.fulltext.queryNodes('actor_search', $search, {limit: $searchLimit}) YIELD node AS a, score
WHERE {{INCLUDE actor-filter}}
  AND ($operation IS NULL OR EXISTS { (a)-[:PARTICIPATES_IN]->(:Operation {id: $operation}) })
  AND ($common IS NULL
       OR EXISTS { (a)-[:PARTICIPATES_IN]->(:Operation)-[:SERVES]->(:Common {code: $common}) }
       OR EXISTS { (a)-[:STEWARDS]->(:Common {code: $common}) })
WITH a, score AS k
WHERE $afterKey IS NULL OR k {{CMP}} $afterKey OR (k = $afterKey AND a.id {{CMPID}} $afterId)
WITH a, k
ORDER BY k {{DIR}}, a.id {{DIRID}}
LIMIT $limit
RETURN {{ACTOR a}} AS actor, k
