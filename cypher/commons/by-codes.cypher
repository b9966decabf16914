// Commons by code (DataLoader).
UNWIND $codes AS code
MATCH (c:Common {code: code})
RETURN c {.*} AS common
