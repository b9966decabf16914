// Every bond (of a source, when given) with its ends' keys, for export.
MATCH (f:Actor)-[b:BOND]->(t:Actor)
WHERE $source IS NULL OR b.source = $source
RETURN b {.*} AS bond, f {.id, .source, .externalId} AS from, t {.id, .source, .externalId} AS to
ORDER BY b.source, b.externalId, b.id
