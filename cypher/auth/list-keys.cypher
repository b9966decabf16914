// Every key, without hashes.
MATCH (k:ApiKey)
RETURN k {.id, .prefix, .role, .source, .name, .createdAt, .revokedAt} AS key
ORDER BY k.createdAt
