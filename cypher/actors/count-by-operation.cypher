// How many participants of one operation match the other filters (starts from the operation).
MATCH (:Operation {id: $operation})<-[:PARTICIPATES_IN]-(a)
WITH DISTINCT a
WHERE {{INCLUDE actor-filter}}
  AND ($common IS NULL
       OR EXISTS { (a)-[:PARTICIPATES_IN]->(:Operation)-[:SERVES]->(:Common {code: $common}) }
       OR EXISTS { (a)-[:STEWARDS]->(:Common {code: $common}) })
RETURN count(a) AS total
