// Delivery state of every webhook for /metrics: how far behind the feed head, failures, paused.
MATCH (s:ChangeSequence {name: 'changes'})
MATCH (w:Webhook)
RETURN w.id AS id, s.value - w.lastDeliveredSeq AS behind, w.consecutiveFailures AS failures, w.active AS active
