// Links commons to their stewarding actors.
UNWIND $pairs AS p
MATCH (a:Actor {id: p.actor}), (c:Common {id: p.common})
CREATE (a)-[:STEWARDS]->(c)
