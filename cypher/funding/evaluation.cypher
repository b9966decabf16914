// Every funding up to a year (null: all), with its funder's sector, for the evaluation.
MATCH (a:Actor)-[f:FUNDING]->(o:Operation)
WHERE $lastYear IS NULL OR f.year <= $lastYear
RETURN o.id AS operation, f.amount AS amount, f.year AS year, coalesce(f.confidential, false) AS confidential, f.source AS source, a.sector AS sector
