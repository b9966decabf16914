// How many actors a full-text search matches (capped by $searchLimit); without filters (see
// search-count-filtered).
CALL db.index.fulltext.queryNodes('actor_search', $search, {limit: $searchLimit}) YIELD node AS a
RETURN count(a) AS total
