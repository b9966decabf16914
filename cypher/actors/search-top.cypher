// The first page of an unfiltered full-text search, cheaply: Lucene's `$probe` best hits only
// (it returns them best first and stops there), ordered by (score desc, id) like search-page.
// `floor` is the lowest score among them and `hits` how many there were: when the page's last
// row scores above `floor`, or all hits fit in the probe, the page is exactly search-page's;
// otherwise (a tie that may run past the probe) the caller runs search-page.
CALL db.index.fulltext.queryNodes('actor_search', $search, {limit: $probe}) YIELD node AS a, score
WITH collect([a, score]) AS top, min(score) AS floor, count(*) AS hits
UNWIND top AS hit
WITH hit[0] AS a, hit[1] AS k, floor, hits
ORDER BY k DESC, a.id ASC
LIMIT $limit
RETURN {{ACTOR a}} AS actor, k, floor, hits
