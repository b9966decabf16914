// Participation counts of a batch of operations, optionally by role and date.
UNWIND $ids AS oid
MATCH (o:Operation {id: oid})
RETURN oid, COUNT {
  MATCH (:Actor)-[p:PARTICIPATES_IN]->(o)
  WHERE ($roles IS NULL OR p.role IN $roles)
    AND ($asOf IS NULL OR ((p.since IS NULL OR p.since <= $asOf) AND (p.until IS NULL OR p.until >= $asOf)))
} AS total
