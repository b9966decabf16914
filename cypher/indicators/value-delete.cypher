// Deletes one indicator value; returns it for the change feed and its indicator.
MATCH (i:Indicator)-[:HAS_VALUE]->(v:IndicatorValue {id: $id})
WITH i, v, v {.id, .version} AS value
DETACH DELETE v
RETURN value, i.id AS indicator
