// The live key with this secret hash, if any.
MATCH (k:ApiKey {hash: $hash})
WHERE k.revokedAt IS NULL
RETURN k {.id, .role, .source, .name} AS key
