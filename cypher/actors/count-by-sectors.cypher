// How many actors of some sectors match the other filters (index seek on sector).
MATCH (a:Actor)
WHERE a.sector IN $sectors
  AND {{INCLUDE actor-filter}}
RETURN count(a) AS total
