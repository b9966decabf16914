// Every development operation, by code.
MATCH (o:Operation)
RETURN o {.*} AS operation
ORDER BY o.code
