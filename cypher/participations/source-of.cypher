// The source of the actor holding a participation.
MATCH (a:Actor)-[p:PARTICIPATES_IN {id: $id}]->()
RETURN a.source AS source
