// What `sync/actors` would do to each item, without writing (a dry run): the same key lookup and
// the same comparison of properties, read-only.
UNWIND range(0, size($items) - 1) AS i
WITH i, $items[i] AS item
OPTIONAL MATCH (a:Actor {source: $source, externalId: item.externalId})
WITH i, item, a,
     CASE WHEN a IS NULL THEN [] ELSE [k IN keys(item.props) WHERE NOT coalesce(a[k] = item.props[k], (a[k] IS NULL) = (item.props[k] IS NULL))] END AS changed
RETURN i, coalesce(a.id, item.id) AS id, CASE WHEN a IS NULL THEN 'CREATED' WHEN size(changed) > 0 THEN 'UPDATED' ELSE 'UNCHANGED' END AS status
ORDER BY i
