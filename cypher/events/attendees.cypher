// The attendees of each of a batch of events.
UNWIND $ids AS eid
MATCH (e:Event {id: eid})
OPTIONAL MATCH (a:Actor)-[:ATTENDED]->(e)
WITH eid, a ORDER BY a.name
RETURN eid, collect(a {.*}) AS actors
