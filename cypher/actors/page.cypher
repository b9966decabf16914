// A page of actors matching the filter, keyset-paginated on (sort key, id), scanning actors.
// Used when no selective anchor is given (see page-by-operation, page-by-common, page-by-sectors).
// {{DIR}}/{{CMP}} take ASC/> or DESC/< (a closed set checked in src/db/cypher.ts).
// Actor values as in actorFromValues; `degree` is the stored bond count (primes bondCount).
MATCH (a:Actor)
WHERE {{INCLUDE actor-filter}}
WITH a, {{INCLUDE actor-sort-key}} AS k
WHERE $afterKey IS NULL OR k {{CMP}} $afterKey OR (k = $afterKey AND a.id {{CMP}} $afterId)
WITH a, k
ORDER BY k {{DIR}}, a.id {{DIR}}
LIMIT $limit
RETURN {{ACTOR a}} AS actor,
       k, COUNT { (a)-[:BOND]-() } AS degree
