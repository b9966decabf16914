// Webhooks, oldest first, optionally of one source; never their secret.
MATCH (w:Webhook)
WHERE $source IS NULL OR w.source = $source
RETURN w {.*, secret: null} AS webhook
ORDER BY w.createdAt ASC, w.id ASC
