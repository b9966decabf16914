// Every actor (of a source, when given), for export.
MATCH (a:Actor)
WHERE $source IS NULL OR a.source = $source
RETURN a {.*} AS actor
ORDER BY a.source, a.externalId, a.id
