// Updates one actor under optimistic concurrency. Setting then removing `_lock` takes the node's
// write lock before the version is read, so two updates with the same expectedVersion cannot both
// pass. Properties set to null are removed. No change, no new version.
MATCH (a:Actor {id: $id})
SET a._lock = true
REMOVE a._lock
WITH a, a.version AS current, ($requiredSource IS NULL OR a.source = $requiredSource) AS allowed
WITH a, current, allowed, ($expectedVersion IS NULL OR current = $expectedVersion) AS fresh,
     [k IN keys($set) WHERE NOT coalesce(a[k] = $set[k], (a[k] IS NULL) = ($set[k] IS NULL))] AS changed
CALL (a, current, allowed, fresh, changed) {
  WITH a, current WHERE allowed AND fresh AND size(changed) > 0
  SET a += $set, a.version = current + 1, a.updatedAt = datetime()
}
RETURN a {.*} AS actor, current, allowed, fresh, changed
