// A new webhook starts after `$afterSeq` (by default the feed head at creation: new changes only).
// No row when `$afterSeq` is past the head (a cursor from another database).
MATCH (s:ChangeSequence {name: 'changes'})
WHERE $afterSeq IS NULL OR $afterSeq <= s.value
CREATE (w:Webhook {id: $id, url: $url, source: $source, secret: $secret, createdAt: datetime(), createdBy: $createdBy,
                   active: true, lastDeliveredSeq: coalesce($afterSeq, s.value), consecutiveFailures: 0, deliveredEvents: 0,
                   deliveredBatches: 0, nextAttemptAt: 0, leaseOwner: null, leaseUntil: 0})
RETURN w {.*, secret: null} AS webhook
