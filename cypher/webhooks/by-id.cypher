// One webhook, never its secret.
MATCH (w:Webhook {id: $id})
RETURN w {.*, secret: null} AS webhook
