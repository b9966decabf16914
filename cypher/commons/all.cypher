// Every common, by code.
MATCH (c:Common)
RETURN c {.*} AS common
ORDER BY c.code
