// GDPR: clears the change-feed payloads of deleted persons. The hint keeps it a seek on the feed's
// entity index whatever the statistics were when it was planned (at start-up, on an empty feed).
UNWIND $ids AS id
MATCH (c:Change {entity: 'Actor', entityId: id})
USING INDEX SEEK c:Change(entityId)
SET c.payload = null
RETURN count(c) AS redacted
