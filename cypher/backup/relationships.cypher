// Every relationship with its ends and typed properties.
MATCH (a)-[r]->(b)
RETURN elementId(a) AS a, elementId(b) AS b, type(r) AS type,
       [k IN keys(r) | [k, valueType(r[k]),
         CASE WHEN valueType(r[k]) STARTS WITH 'DATE' OR valueType(r[k]) STARTS WITH 'ZONED' OR valueType(r[k]) STARTS WITH 'LOCAL'
              THEN toString(r[k]) ELSE r[k] END]] AS props
