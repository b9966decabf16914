// Revokes a key by id or by the first characters of its secret (its prefix).
MATCH (k:ApiKey)
WHERE (k.id = $ref OR k.prefix = $ref) AND k.revokedAt IS NULL
SET k.revokedAt = datetime()
RETURN k {.id, .prefix, .role, .source, .name} AS key
