// Idempotent bulk upsert of one source's actors, keyed by (source, externalId). MERGE on the
// uniqueness-constrained key is safe under concurrency: the same batch sent by eight clients at
// once leaves one actor per key. Only real changes bump the version.
WITH datetime() AS now
UNWIND range(0, size($items) - 1) AS i
WITH now, i, $items[i] AS item
MERGE (a:Actor {source: $source, externalId: item.externalId})
ON CREATE SET a.id = item.id, a.version = 0, a.createdAt = now, a._new = true
WITH now, i, item, a, a._new IS NOT NULL AS created,
     [k IN keys(item.props) WHERE NOT coalesce(a[k] = item.props[k], (a[k] IS NULL) = (item.props[k] IS NULL))] AS changed
CALL (a, item, now, created, changed) {
  WITH a, item, now WHERE created OR size(changed) > 0
  SET a += item.props, a.version = a.version + 1, a.updatedAt = now
}
REMOVE a._new
RETURN i, a.id AS id, CASE WHEN created THEN 'CREATED' WHEN size(changed) > 0 THEN 'UPDATED' ELSE 'UNCHANGED' END AS status, a {.*} AS actor
ORDER BY i
