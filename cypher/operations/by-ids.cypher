// Operations by id (DataLoader).
UNWIND $ids AS id
MATCH (o:Operation {id: id})
RETURN o {.*} AS operation
