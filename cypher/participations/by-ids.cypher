// Participations by id (DataLoader).
UNWIND $ids AS id
MATCH (a:Actor)-[p:PARTICIPATES_IN {id: id}]->(o:Operation)
RETURN p {.*, actor: a.id, operation: o.id} AS participation
