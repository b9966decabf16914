// The source of an actor (to tell NOT_FOUND from FORBIDDEN for partners).
MATCH (a:Actor {id: $id})
RETURN a.source AS source, a.version AS version
