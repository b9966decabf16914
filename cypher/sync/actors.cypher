// Idempotent bulk upsert of one source's actors, keyed by (source, externalId): creates the new
// ones whole and tells which stored ones differ (`sync/actors-update` then writes those). MERGE on
// the uniqueness-constrained key is safe under concurrency: the same batch sent by eight clients at
// once leaves one actor per key, and a MERGE that waited for another's create compares with what
// that one stored. A created actor is the one whose id is this item's new id. Only the time of the
// creates comes back (the feed's payloads are the admitted values): for the others, the id and
// whether they differ. No write follows a read here, so the plan needs one Eager (for the rows
// read after the MERGE), not four; the UNCHANGED rows are never written.
UNWIND $items AS item
MERGE (a:Actor {source: $source, externalId: item.externalId})
ON CREATE SET a += item.props, a.id = item.id, a.version = 1, a.createdAt = datetime(), a.updatedAt = datetime()
WITH item, a, a.id = item.id AS created
RETURN item.i AS i,
       CASE WHEN created THEN datetime().epochMillis END AS createdAt,
       CASE WHEN NOT created THEN a.id END AS id,
       NOT created AND any(k IN keys(item.props) WHERE NOT coalesce(a[k] = item.props[k], (a[k] IS NULL) = (item.props[k] IS NULL))) AS changed
