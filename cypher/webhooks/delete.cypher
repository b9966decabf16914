// Deletes a webhook (its delivery state and lease go with it: a delivery in flight cannot ack).
MATCH (w:Webhook {id: $id})
DELETE w
RETURN count(*) AS deleted
