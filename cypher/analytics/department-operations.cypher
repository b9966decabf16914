// For each operation, the council departments involved on `asOf` (as lead or contributor), and
// the departments of the council persons taking part.
MATCH (o:Operation)
OPTIONAL MATCH (a:Actor)-[p:PARTICIPATES_IN]->(o)
WHERE $asOf IS NULL OR ((p.since IS NULL OR p.since <= $asOf) AND (p.until IS NULL OR p.until >= $asOf))
WITH o, CASE WHEN a.kind = 'DEPARTMENT' THEN a.id
             ELSE head([(a)-[m:BOND {kind: 'MEMBER_OF'}]->(d:Actor {kind: 'DEPARTMENT'}) | d.id]) END AS department
RETURN o.id AS operation, o.code AS code, [d IN collect(DISTINCT department) WHERE d IS NOT NULL] AS departments
ORDER BY o.code
