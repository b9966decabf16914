// Webhooks worth claiming: active, due, behind the feed head, lease free, expired or ours.
// Times are Neo4j's clock (timestamp()), one clock for every instance.
MATCH (s:ChangeSequence {name: 'changes'})
MATCH (w:Webhook)
WHERE w.active = true AND w.nextAttemptAt <= timestamp() AND w.lastDeliveredSeq < s.value
  AND (w.leaseOwner IS NULL OR w.leaseOwner = $owner OR w.leaseUntil < timestamp())
RETURN w.id AS id
LIMIT $limit
