// Loads events and their attendees.
UNWIND $events AS e
CREATE (n:Event)
SET n = e {.id, .name, .location}, n.date = date(e.date)
WITH n, e
UNWIND e.attendees AS aid
MATCH (a:Actor {id: aid})
CREATE (a)-[:ATTENDED]->(n)
