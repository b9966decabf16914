// A page of the participations of each of a batch of operations, optionally by role,
// keyset on participation id; returns the participants' sectors too (no second trip for them).
UNWIND $ids AS oid
MATCH (o:Operation {id: oid})
CALL {
  WITH o
  MATCH (a:Actor)-[p:PARTICIPATES_IN]->(o)
  WHERE ($roles IS NULL OR p.role IN $roles)
    AND ($asOf IS NULL OR ((p.since IS NULL OR p.since <= $asOf) AND (p.until IS NULL OR p.until >= $asOf)))
    AND ($afterId IS NULL OR p.id {{CMP}} $afterId)
  RETURN p, a
  ORDER BY p.id {{DIR}}
  LIMIT $limit
}
RETURN oid, collect(p {.*, actor: a.id, operation: oid, actorRow: a {.*}}) AS participations
