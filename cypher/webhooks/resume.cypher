// A paused (or retrying) webhook is due again now, failures forgotten; its position is kept.
MATCH (w:Webhook {id: $id})
SET w.active = true, w.consecutiveFailures = 0, w.pausedAt = null, w.nextAttemptAt = 0
RETURN w {.*, secret: null} AS webhook
