// A failed attempt: count it, schedule the next one, pause after $maxAttempts in a row, and let the
// lease go (any instance may retry when it is due). Only while the lease is ours. $delays[n - 1] is
// the delay after n failures in a row (jittered by the caller).
MATCH (w:Webhook {id: $id})
SET w._lock = true
WITH w
WHERE w.leaseOwner = $owner
WITH w, w.consecutiveFailures + 1 AS failures
SET w.consecutiveFailures = failures, w.lastError = $error, w.lastAttemptAt = datetime(),
    w.nextAttemptAt = timestamp() + $delays[CASE WHEN failures > size($delays) THEN size($delays) ELSE failures END - 1], w.leaseOwner = null, w.leaseUntil = 0,
    w.active = failures < $maxAttempts,
    w.pausedAt = CASE WHEN failures >= $maxAttempts THEN datetime() ELSE null END
REMOVE w._lock
RETURN w.consecutiveFailures AS consecutiveFailures, w.active AS active
