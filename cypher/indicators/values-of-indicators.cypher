// The series of each of a batch of indicators, oldest first.
UNWIND $ids AS iid
MATCH (i:Indicator {id: iid})
OPTIONAL MATCH (i)-[:HAS_VALUE]->(v:IndicatorValue)
WITH iid, v ORDER BY v.date
RETURN iid, collect(v {.*, indicator: iid, date: toString(v.date)}) AS values
