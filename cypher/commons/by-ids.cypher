// Commons by id (DataLoader).
UNWIND $ids AS id
MATCH (c:Common {id: id})
RETURN c {.*} AS common
