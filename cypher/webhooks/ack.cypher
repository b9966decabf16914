// The receiver acknowledged events up to $toSeq: advance the position, only if the lease is still
// ours and nobody moved the position meanwhile (else this instance stops and another delivers).
MATCH (w:Webhook {id: $id})
SET w._lock = true
WITH w
WHERE w.leaseOwner = $owner AND w.lastDeliveredSeq = $fromSeq
SET w.lastDeliveredSeq = $toSeq, w.consecutiveFailures = 0, w.lastError = null, w.lastSuccessAt = datetime(),
    w.lastAttemptAt = datetime(), w.nextAttemptAt = 0, w.leaseUntil = timestamp() + $leaseMs,
    w.deliveredEvents = w.deliveredEvents + $events, w.deliveredBatches = w.deliveredBatches + CASE WHEN $events > 0 THEN 1 ELSE 0 END
REMOVE w._lock
RETURN w.lastDeliveredSeq AS lastDeliveredSeq
