// Idempotent bulk upsert of one source's bonds, keyed by (source, externalId). MERGE on the
// pattern locks both endpoints, so concurrent identical syncs create each bond once. A created
// bond is the one whose id is this item's new id; only changed bonds come back whole.
WITH datetime() AS now
UNWIND range(0, size($items) - 1) AS i
WITH now, i, $items[i] AS item
MATCH (f:Actor {id: item.from}), (t:Actor {id: item.to})
MERGE (f)-[b:BOND {source: $source, externalId: item.externalId}]->(t)
ON CREATE SET b.id = item.id, b.version = 0, b.createdAt = now
WITH now, i, item, b, b.id = item.id AS created,
     [k IN keys(item.props) WHERE NOT coalesce(b[k] = item.props[k], (b[k] IS NULL) = (item.props[k] IS NULL))] AS changed
CALL (b, item, now, created, changed) {
  WITH b, item, now WHERE created OR size(changed) > 0
  SET b += item.props, b.version = b.version + 1, b.updatedAt = now
}
WITH i, item, b, CASE WHEN created THEN 'CREATED' WHEN size(changed) > 0 THEN 'UPDATED' ELSE 'UNCHANGED' END AS status
RETURN i, b.id AS id, status, CASE WHEN status = 'UNCHANGED' THEN null ELSE b {.*, from: item.from, to: item.to} END AS bond
ORDER BY i
