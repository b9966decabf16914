// Records an indicator's values, one per (indicator, date): a date already there is replaced.
// MERGE on the pattern locks the indicator, so concurrent identical calls create each value once.
MATCH (i:Indicator {id: $indicator})
WITH i, datetime() AS now
UNWIND range(0, size($items) - 1) AS n
WITH i, now, n, $items[n] AS item
MERGE (i)-[:HAS_VALUE]->(v:IndicatorValue {date: item.props.date})
ON CREATE SET v.id = item.id, v.version = 0, v.createdAt = now
WITH i, now, n, item, v, v.id = item.id AS created,
     [k IN keys(item.props) WHERE NOT coalesce(v[k] = item.props[k], (v[k] IS NULL) = (item.props[k] IS NULL))] AS changed
CALL (v, item, now, created, changed) {
  WITH v, item, now WHERE created OR size(changed) > 0
  SET v += item.props, v.version = v.version + 1, v.updatedAt = now
}
RETURN n, v {.*, indicator: i.id, date: toString(v.date)} AS value, created OR size(changed) > 0 AS written, created
ORDER BY n
