// The program's own departments (DEPARTMENT actors of $programSource) and their staff: actors of
// the program's $sources affiliated to one by a MEMBER_OF bond of those sources (a partner's actor
// or bond never makes anyone council staff).
MATCH (d:Actor {kind: 'DEPARTMENT', source: $programSource})
RETURN d.id AS id, d.name AS name,
       [(m:Actor)-[b:BOND {kind: 'MEMBER_OF'}]->(d)
         WHERE m.kind <> 'DEPARTMENT' AND m.source IN $sources AND b.source IN $sources | m.id] AS members
ORDER BY d.name
