// The commons each of a batch of operations serves.
UNWIND $ids AS oid
MATCH (o:Operation {id: oid})
OPTIONAL MATCH (o)-[:SERVES]->(c:Common)
WITH oid, c ORDER BY c.code
RETURN oid, collect(c {.*}) AS commons
