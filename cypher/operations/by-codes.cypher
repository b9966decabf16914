// Operations by code (DataLoader).
UNWIND $codes AS code
MATCH (o:Operation {code: code})
RETURN o {.*} AS operation
