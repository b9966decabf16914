// Fundings by id (DataLoader).
UNWIND $ids AS id
MATCH (a:Actor)-[f:FUNDING {id: id}]->(o:Operation)
RETURN f {.*, funder: a.id, operation: o.id} AS funding
