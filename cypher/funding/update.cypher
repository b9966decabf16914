// Updates one funding under optimistic concurrency (see actors/update.cypher for the lock).
MATCH (a:Actor)-[f:FUNDING {id: $id}]->(o:Operation)
SET f._lock = true
REMOVE f._lock
WITH a, o, f, f.version AS current, ($requiredSource IS NULL OR f.source = $requiredSource) AS allowed
WITH a, o, f, current, allowed, ($expectedVersion IS NULL OR current = $expectedVersion) AS fresh,
     [k IN keys($set) WHERE NOT coalesce(f[k] = $set[k], (f[k] IS NULL) = ($set[k] IS NULL))] AS changed
CALL (f, current, allowed, fresh, changed) {
  WITH f, current WHERE allowed AND fresh AND size(changed) > 0
  SET f += $set, f.version = current + 1, f.updatedAt = datetime()
}
RETURN f {.*, funder: a.id, operation: o.id} AS funding, current, allowed, fresh, changed
