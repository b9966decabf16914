// Operations of a funding sync, by id or code.
UNWIND $refs AS r
OPTIONAL MATCH (o:Operation) WHERE o.id = r OR o.code = r
RETURN r AS ref, o.id AS id
