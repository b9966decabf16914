// Updates one bond under optimistic concurrency (see actors/update.cypher for the lock).
MATCH (f:Actor)-[b:BOND {id: $id}]->(t:Actor)
SET b._lock = true
REMOVE b._lock
WITH f, t, b, b.version AS current, ($requiredSource IS NULL OR b.source = $requiredSource) AS allowed
WITH f, t, b, current, allowed, ($expectedVersion IS NULL OR current = $expectedVersion) AS fresh,
     [k IN keys($set) WHERE NOT coalesce(b[k] = $set[k], (b[k] IS NULL) = ($set[k] IS NULL))] AS changed
CALL (b, current, allowed, fresh, changed) {
  WITH b, current WHERE allowed AND fresh AND size(changed) > 0
  SET b += $set, b.version = current + 1, b.updatedAt = datetime()
}
RETURN b {.*, from: f.id, to: t.id} AS bond, current, allowed, fresh, changed
