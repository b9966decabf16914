// Bond counts of a batch of actors; without a kind filter Neo4j reads the stored degree.
UNWIND $ids AS aid
MATCH (a:Actor {id: aid})
RETURN aid,
  CASE
    WHEN $kinds IS NULL AND $direction = 'BOTH' THEN COUNT { (a)-[:BOND]-() }
    WHEN $kinds IS NULL AND $direction = 'OUTGOING' THEN COUNT { (a)-[:BOND]->() }
    WHEN $kinds IS NULL THEN COUNT { (a)<-[:BOND]-() }
    ELSE COUNT { (a)-[b:BOND]-() WHERE b.kind IN $kinds AND ($direction = 'BOTH' OR ($direction = 'OUTGOING') = (startNode(b) = a)) }
  END AS total
