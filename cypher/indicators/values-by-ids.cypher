// Indicator values by id (DataLoader).
UNWIND $ids AS id
MATCH (i:Indicator)-[:HAS_VALUE]->(v:IndicatorValue {id: id})
RETURN v {.*, indicator: i.id, date: toString(v.date)} AS value
