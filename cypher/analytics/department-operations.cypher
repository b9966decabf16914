// For each operation, the program's departments involved on `asOf` (as lead or contributor), and
// the departments of the council staff taking part; only the program's own participants (actors of
// $sources) and departments (of $programSource) count.
MATCH (o:Operation)
OPTIONAL MATCH (a:Actor)-[p:PARTICIPATES_IN]->(o)
WHERE a.source IN $sources
  AND ($asOf IS NULL OR ((p.since IS NULL OR p.since <= $asOf) AND (p.until IS NULL OR p.until >= $asOf)))
WITH o, CASE WHEN a.kind = 'DEPARTMENT' THEN CASE WHEN a.source = $programSource THEN a.id END
             ELSE head([(a)-[m:BOND {kind: 'MEMBER_OF'}]->(d:Actor {kind: 'DEPARTMENT', source: $programSource})
                        WHERE m.source IN $sources | d.id]) END AS department
RETURN o.id AS operation, o.code AS code, [d IN collect(DISTINCT department) WHERE d IS NOT NULL] AS departments
ORDER BY o.code
