// The council's departments and the actors affiliated to each (members by a MEMBER_OF bond).
MATCH (d:Actor {kind: 'DEPARTMENT'})
RETURN d.id AS id, d.name AS name, [(m:Actor)-[:BOND {kind: 'MEMBER_OF'}]->(d) | m.id] AS members
ORDER BY d.name
