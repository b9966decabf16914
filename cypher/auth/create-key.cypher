// Stores a new API key: only the SHA-256 of its secret, never the secret.
CREATE (k:ApiKey {id: $id, hash: $hash, prefix: $prefix, role: $role, source: $source, name: $name, createdAt: datetime()})
RETURN k {.id, .prefix, .role, .source, .name, .createdAt} AS key
