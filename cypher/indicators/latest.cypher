// Keeps an indicator's own value and date equal to the latest of its series (none: unchanged).
MATCH (i:Indicator {id: $indicator})-[:HAS_VALUE]->(v:IndicatorValue)
WITH i, v ORDER BY v.date DESC
WITH i, head(collect(v)) AS last
SET i.value = last.value, i.date = last.date
