// A page of the participations of each of a batch of operations, optionally by role, keyset on
// participation id; one row per participation as flat values (see participationsOfOperations in
// src/participations/participation.service.ts), with the participant (as in actorFromValues) so
// that `actor` costs no second trip. The participant's node is touched only for the rows kept
// (no label test while sorting: only actors take part in operations).
UNWIND $ids AS oid
MATCH (o:Operation {id: oid})
CALL (o) {
  MATCH (a)-[p:PARTICIPATES_IN]->(o)
  WHERE ($roles IS NULL OR p.role IN $roles)
    AND ($asOf IS NULL OR ((p.since IS NULL OR p.since <= $asOf) AND (p.until IS NULL OR p.until >= $asOf)))
    AND ($afterId IS NULL OR p.id {{CMP}} $afterId)
  RETURN p, a
  ORDER BY p.id {{DIR}}
  LIMIT $limit
}
RETURN oid,
       {{PARTICIPATION p}} AS participation,
       {{ACTOR a}} AS actor
