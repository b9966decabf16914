// Idempotent bulk upsert of one source's bonds, keyed by (source, externalId): creates the new
// ones whole and tells which stored ones differ (`sync/bonds-update` then writes those). MERGE on
// the pattern locks both endpoints, so concurrent identical syncs create each bond once. A created
// bond is the one whose id is this item's new id. Only the time of the creates comes back; for the
// others, the id and whether they differ (see sync/actors.cypher).
UNWIND $items AS item
MATCH (f:Actor {id: item.from})
MATCH (t:Actor {id: item.to})
MERGE (f)-[b:BOND {source: $source, externalId: item.externalId}]->(t)
ON CREATE SET b += item.props, b.id = item.id, b.version = 1, b.createdAt = datetime(), b.updatedAt = datetime()
WITH item, b, b.id = item.id AS created
RETURN item.i AS i,
       CASE WHEN created THEN datetime().epochMillis END AS createdAt,
       CASE WHEN NOT created THEN b.id END AS id,
       NOT created AND any(k IN keys(item.props) WHERE NOT coalesce(b[k] = item.props[k], (b[k] IS NULL) = (item.props[k] IS NULL))) AS changed
