// GDPR: clears the change-feed payloads of deleted persons.
UNWIND $ids AS id
MATCH (c:Change {entity: 'Actor', entityId: id})
SET c.payload = null
RETURN count(c) AS redacted
