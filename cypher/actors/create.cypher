// Creates one actor; the (source, externalId) constraint turns a duplicate into CONFLICT.
CREATE (a:Actor)
SET a = $props, a.version = 1, a.createdAt = datetime(), a.updatedAt = a.createdAt
RETURN a {.*} AS actor
