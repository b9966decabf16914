// Idempotent bulk upsert of one source's actors, keyed by (source, externalId). MERGE on the
// uniqueness-constrained key is safe under concurrency: the same batch sent by eight clients at
// once leaves one actor per key. Only real changes bump the version. A created actor is the one
// whose id is this item's new id (no marker property to set and remove); only changed actors
// come back whole, for the change feed.
WITH datetime() AS now
UNWIND range(0, size($items) - 1) AS i
WITH now, i, $items[i] AS item
MERGE (a:Actor {source: $source, externalId: item.externalId})
ON CREATE SET a.id = item.id, a.version = 0, a.createdAt = now
WITH now, i, item, a, a.id = item.id AS created,
     [k IN keys(item.props) WHERE NOT coalesce(a[k] = item.props[k], (a[k] IS NULL) = (item.props[k] IS NULL))] AS changed
CALL (a, item, now, created, changed) {
  WITH a, item, now WHERE created OR size(changed) > 0
  SET a += item.props, a.version = a.version + 1, a.updatedAt = now
}
WITH i, a, CASE WHEN created THEN 'CREATED' WHEN size(changed) > 0 THEN 'UPDATED' ELSE 'UNCHANGED' END AS status
RETURN i, a.id AS id, status, CASE WHEN status = 'UNCHANGED' THEN null ELSE a {.*} END AS actor
ORDER BY i
