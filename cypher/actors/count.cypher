// How many actors match the filter (the connection's totalCount), scanning actors; used when no
// selective anchor is given (see count-by-operation, count-by-common, count-by-sectors).
MATCH (a:Actor)
WHERE {{INCLUDE actor-filter}}
RETURN count(a) AS total
