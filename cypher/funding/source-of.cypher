// The source of a funding (to tell NOT_FOUND from FORBIDDEN for partners).
MATCH ()-[f:FUNDING {id: $id}]->()
RETURN f.source AS source
