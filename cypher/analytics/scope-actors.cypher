// The actors of an analysis scope, with what grouping needs (department affiliation, operations),
// as flat rows. A participation counts on `asOf` when it holds that day.
MATCH (a:Actor)
WHERE ($source IS NULL OR a.source = $source)
  AND ($sectors IS NULL OR a.sector IN $sectors)
  AND ($tags IS NULL OR all(t IN $tags WHERE t IN a.tags))
  AND ($operation IS NULL OR EXISTS {
        MATCH (a)-[p:PARTICIPATES_IN]->(o:Operation) WHERE (o.id = $operation OR o.code = $operation)
          AND ($asOf IS NULL OR ((p.since IS NULL OR p.since <= $asOf) AND (p.until IS NULL OR p.until >= $asOf))) })
  AND ($common IS NULL OR EXISTS {
        MATCH (a)-[p:PARTICIPATES_IN]->(:Operation)-[:SERVES]->(:Common {code: $common})
        WHERE $asOf IS NULL OR ((p.since IS NULL OR p.since <= $asOf) AND (p.until IS NULL OR p.until >= $asOf)) })
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.sector AS sector,
       CASE WHEN a.kind = 'DEPARTMENT' THEN a.id
            ELSE head([(a)-[m:BOND {kind: 'MEMBER_OF'}]->(d:Actor {kind: 'DEPARTMENT'}) | d.id]) END AS department,
       [(a)-[p:PARTICIPATES_IN]->(o:Operation)
         WHERE $asOf IS NULL OR ((p.since IS NULL OR p.since <= $asOf) AND (p.until IS NULL OR p.until >= $asOf)) | o.code] AS operations
ORDER BY a.id
