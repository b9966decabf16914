// Idempotent bulk upsert of one source's fundings, keyed by (source, externalId), as
// sync/bonds.cypher: MERGE on the pattern locks both ends; only changed fundings come back whole.
WITH datetime() AS now
UNWIND range(0, size($items) - 1) AS i
WITH now, i, $items[i] AS item
MATCH (a:Actor {id: item.funder}), (o:Operation {id: item.operation})
MERGE (a)-[f:FUNDING {source: $source, externalId: item.externalId}]->(o)
ON CREATE SET f.id = item.id, f.version = 0, f.createdAt = now
WITH now, i, item, f, f.id = item.id AS created,
     [k IN keys(item.props) WHERE NOT coalesce(f[k] = item.props[k], (f[k] IS NULL) = (item.props[k] IS NULL))] AS changed
CALL (f, item, now, created, changed) {
  WITH f, item, now WHERE created OR size(changed) > 0
  SET f += item.props, f.version = f.version + 1, f.updatedAt = now
}
WITH i, item, f, CASE WHEN created THEN 'CREATED' WHEN size(changed) > 0 THEN 'UPDATED' ELSE 'UNCHANGED' END AS status
RETURN i, f.id AS id, status, CASE WHEN status = 'UNCHANGED' THEN null ELSE f {.*, funder: item.funder, operation: item.operation} END AS funding
ORDER BY i
