// The operations serving each of a batch of commons.
UNWIND $ids AS cid
MATCH (c:Common {id: cid})
OPTIONAL MATCH (o:Operation)-[:SERVES]->(c)
WITH cid, o ORDER BY o.code
RETURN cid, collect(o {.*}) AS operations
