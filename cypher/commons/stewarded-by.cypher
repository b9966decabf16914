// The commons each of a batch of actors stewards.
UNWIND $ids AS aid
MATCH (a:Actor {id: aid})
OPTIONAL MATCH (a)-[:STEWARDS]->(c:Common)
WITH aid, c ORDER BY c.code
RETURN aid, collect(c {.*}) AS commons
