// Bonds by id, for the per-request DataLoader.
UNWIND $ids AS id
MATCH (f:Actor)-[b:BOND {id: id}]->(t:Actor)
RETURN b {.*, from: f.id, to: t.id} AS bond
