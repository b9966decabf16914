// Lead department and project lead ids of a batch of operations.
UNWIND $ids AS oid
MATCH (o:Operation {id: oid})
OPTIONAL MATCH (d:Actor)-[:PARTICIPATES_IN {role: 'LEAD_DEPARTMENT'}]->(o)
OPTIONAL MATCH (p:Actor)-[:PARTICIPATES_IN {role: 'PROJECT_LEAD'}]->(o)
RETURN oid, head(collect(DISTINCT d.id)) AS leadDepartment, head(collect(DISTINCT p.id)) AS projectLead
