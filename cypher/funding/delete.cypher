// Deletes one funding; returns it for the change feed.
MATCH (:Actor)-[f:FUNDING {id: $id}]->(:Operation)
WITH f, f {.id, .source, .externalId, .version} AS funding
WHERE $requiredSource IS NULL OR funding.source = $requiredSource
DELETE f
RETURN funding
