// Ends a participation by deleting it; returns it for the change feed.
MATCH (a:Actor)-[p:PARTICIPATES_IN {id: $id}]->(:Operation)
WITH a, p, p {.id, .version, source: a.source} AS participation
WHERE $requiredSource IS NULL OR a.source = $requiredSource
DELETE p
RETURN participation
