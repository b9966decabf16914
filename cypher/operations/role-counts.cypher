// Participant counts by role for a batch of operations.
UNWIND $ids AS oid
MATCH (o:Operation {id: oid})
OPTIONAL MATCH (:Actor)-[p:PARTICIPATES_IN]->(o)
WITH oid, p.role AS role, count(p) AS n
RETURN oid, collect(CASE WHEN role IS NULL THEN null ELSE {role: role, count: n} END) AS counts
