// The source of a bond (to tell NOT_FOUND from FORBIDDEN for partners).
MATCH ()-[b:BOND {id: $id}]->()
RETURN b.source AS source
