// Deletes one bond; returns it for the change feed.
MATCH (f:Actor)-[b:BOND {id: $id}]->(t:Actor)
WITH b, b {.id, .source, .externalId, .version} AS bond, b.source AS source
WHERE $requiredSource IS NULL OR source = $requiredSource
DELETE b
RETURN bond
