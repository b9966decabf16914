// The events each of a batch of actors attended.
UNWIND $ids AS aid
MATCH (a:Actor {id: aid})
OPTIONAL MATCH (a)-[:ATTENDED]->(e:Event)
WITH aid, e ORDER BY e.date
RETURN aid, collect(e {.*}) AS events
