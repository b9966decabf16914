// The actors stewarding each of a batch of commons, by name; each actor as flat values (see
// actorFromValues in src/actors/actor.record.ts).
UNWIND $ids AS cid
MATCH (c:Common {id: cid})
OPTIONAL MATCH (a:Actor)-[:STEWARDS]->(c)
WITH cid, a ORDER BY a.name
RETURN cid, collect(CASE WHEN a IS NULL THEN null ELSE {{ACTOR a}} END) AS actors
