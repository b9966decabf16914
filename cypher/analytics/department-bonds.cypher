// The program's own bonds (of $sources) leaving a set of actors, holding on `asOf` (the caller
// keeps those whose other end is in the set).
UNWIND $ids AS id
MATCH (f:Actor {id: id})-[b:BOND]->(t:Actor)
WHERE b.source IN $sources
  AND ($asOf IS NULL OR ((b.since IS NULL OR b.since <= $asOf) AND (b.until IS NULL OR b.until >= $asOf)))
RETURN f.id AS source, t.id AS target
