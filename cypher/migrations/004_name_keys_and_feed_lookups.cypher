// Actors sort by name in French order through a stored key (accents and case folded), indexed;
// existing actors get theirs from migrate() (src/db/migrate.ts), since Cypher cannot fold accents.
CREATE INDEX actor_name_key IF NOT EXISTS FOR (a:Actor) ON (a._nameKey);
// Feed lookups by entity (GDPR redaction of a deleted person's payloads) seek instead of scanning
// every Change node: the feed only grows.
CREATE INDEX change_entity_id IF NOT EXISTS FOR (c:Change) ON (c.entityId);
