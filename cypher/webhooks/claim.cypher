// Takes (or renews) the delivery lease of one webhook. Setting _lock first takes the node's write
// lock, so the conditions below read the committed state and two instances cannot both win.
MATCH (w:Webhook {id: $id})
SET w._lock = true
WITH w
WHERE w.active = true AND w.nextAttemptAt <= timestamp()
  AND (w.leaseOwner IS NULL OR w.leaseOwner = $owner OR w.leaseUntil < timestamp())
SET w.leaseOwner = $owner, w.leaseUntil = timestamp() + $leaseMs
REMOVE w._lock
RETURN w {.*} AS webhook
