// The actors stewarding each of a batch of commons.
UNWIND $ids AS cid
MATCH (c:Common {id: cid})
OPTIONAL MATCH (a:Actor)-[:STEWARDS]->(c)
WITH cid, a ORDER BY a.name
RETURN cid, collect(a {.*}) AS actors
