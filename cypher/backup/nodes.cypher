// Every node with its labels and typed properties (temporal values as ISO strings).
MATCH (n)
RETURN elementId(n) AS eid, labels(n) AS labels,
       [k IN keys(n) | [k, valueType(n[k]),
         CASE WHEN valueType(n[k]) STARTS WITH 'DATE' OR valueType(n[k]) STARTS WITH 'ZONED' OR valueType(n[k]) STARTS WITH 'LOCAL'
              THEN toString(n[k]) ELSE n[k] END]] AS props
