// What `funding/sync` would do to each item, without writing (a dry run).
UNWIND range(0, size($items) - 1) AS i
WITH i, $items[i] AS item
OPTIONAL MATCH (:Actor {id: item.funder})-[f:FUNDING {source: $source, externalId: item.externalId}]->(:Operation {id: item.operation})
WITH i, item, f,
     CASE WHEN f IS NULL THEN [] ELSE [k IN keys(item.props) WHERE NOT coalesce(f[k] = item.props[k], (f[k] IS NULL) = (item.props[k] IS NULL))] END AS changed
RETURN i, coalesce(f.id, item.id) AS id, CASE WHEN f IS NULL THEN 'CREATED' WHEN size(changed) > 0 THEN 'UPDATED' ELSE 'UNCHANGED' END AS status
ORDER BY i
