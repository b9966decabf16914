// Webhooks (issue #15): one node per subscriber URL, holding its delivery state and lease.
CREATE CONSTRAINT webhook_id IF NOT EXISTS FOR (w:Webhook) REQUIRE w.id IS UNIQUE;
