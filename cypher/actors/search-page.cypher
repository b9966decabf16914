// Full-text search (French analyzer, accent-insensitive), best match first, keyset on (score, id),
// without filters (search-page-filtered has them: its predicates cost ~1.5 ms on 1,000 hits even
// when every parameter is null). Actor values as in actorFromValues (src/actors/actor.record.ts).
CALL db.index.fulltext.queryNodes('actor_search', $search, {limit: $searchLimit}) YIELD node AS a, score
WITH a, score AS k
WHERE $afterKey IS NULL OR k {{CMP}} $afterKey OR (k = $afterKey AND a.id {{CMPID}} $afterId)
WITH a, k
ORDER BY k {{DIR}}, a.id {{DIRID}}
LIMIT $limit
RETURN {{ACTOR a}} AS actor, k
