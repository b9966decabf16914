// The first page of an unfiltered full-text search, ranked like search-page (score desc, id asc)
// but reading actor properties only for the hits that can be on it: the hits are ordered by score
// alone (no property read), the page's lowest possible score is the `$limit`-th best, and only the
// hits scoring at least that (the page plus the ties at its edge) are ranked by id and projected.
// Same rows as search-page with no cursor; on the 10k bench store, ~35 % less Neo4j CPU.
CALL db.index.fulltext.queryNodes('actor_search', $search, {limit: $searchLimit}) YIELD node AS a, score
WITH a, score ORDER BY score DESC
WITH collect([a, score]) AS hits
WITH hits, hits[$limit - 1][1] AS threshold
UNWIND hits AS hit
WITH hit[0] AS a, hit[1] AS k, threshold
WHERE threshold IS NULL OR k >= threshold
WITH a, k
ORDER BY k DESC, a.id ASC
LIMIT $limit
RETURN {{ACTOR a}} AS actor, k
