// What `sync/bonds` would do to each item, without writing (a dry run): the same key lookup and
// the same comparison of properties, read-only.
UNWIND range(0, size($items) - 1) AS i
WITH i, $items[i] AS item
OPTIONAL MATCH (:Actor {id: item.from})-[b:BOND {source: $source, externalId: item.externalId}]->(:Actor {id: item.to})
USING INDEX SEEK b:BOND(source, externalId)
WITH i, item, b,
     CASE WHEN b IS NULL THEN [] ELSE [k IN keys(item.props) WHERE NOT coalesce(b[k] = item.props[k], (b[k] IS NULL) = (item.props[k] IS NULL))] END AS changed
RETURN i, coalesce(b.id, item.id) AS id, CASE WHEN b IS NULL THEN 'CREATED' WHEN size(changed) > 0 THEN 'UPDATED' ELSE 'UNCHANGED' END AS status
ORDER BY i
