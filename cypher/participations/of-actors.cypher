// Every participation of each of a batch of actors (an actor has a handful).
UNWIND $ids AS aid
MATCH (a:Actor {id: aid})
OPTIONAL MATCH (a)-[p:PARTICIPATES_IN]->(o:Operation)
WITH aid, p, o ORDER BY o.code, p.role
RETURN aid, collect(p {.*, actor: aid, operation: o.id}) AS participations
