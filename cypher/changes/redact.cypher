// GDPR: after a person is deleted, no change event keeps their personal data.
MATCH (c:Change {entity: 'Actor', entityId: $id})
USING INDEX SEEK c:Change(entityId)
SET c.payload = null
RETURN count(c) AS redacted
