// Creates one actor; the (source, externalId) constraint turns a duplicate into CONFLICT.
WITH datetime() AS now
CREATE (a:Actor)
SET a = $props, a.version = 1, a.createdAt = now, a.updatedAt = now
RETURN a {.*} AS actor
