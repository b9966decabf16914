// One operation by its code.
MATCH (o:Operation {code: $code})
RETURN o {.*} AS operation
