// Every indicator with its series (dates as strings, oldest first), for the evaluation.
MATCH (o:Operation)-[:HAS_INDICATOR]->(i:Indicator)
CALL (i) {
  OPTIONAL MATCH (i)-[:HAS_VALUE]->(v:IndicatorValue)
  WITH v ORDER BY v.date
  RETURN collect(CASE WHEN v IS NULL THEN null ELSE {date: toString(v.date), value: v.value, target: v.target} END) AS series
}
RETURN o.id AS operation, i.id AS id, i.name AS name, i.unit AS unit, i.target AS target, i.value AS value, toString(i.date) AS date, series
ORDER BY o.code, i.name
