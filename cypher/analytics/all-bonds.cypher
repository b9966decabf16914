// Every bond of the given kinds holding on `asOf` (the whole program's network).
MATCH (f:Actor)-[b:BOND]->(t:Actor)
WHERE ($kinds IS NULL OR b.kind IN $kinds)
  AND ($asOf IS NULL OR ((b.since IS NULL OR b.since <= $asOf) AND (b.until IS NULL OR b.until >= $asOf)))
RETURN f.id AS source, t.id AS target, b.id AS id, b.kind AS kind, b.weight AS weight, b.directed AS directed, b.since AS since, b.until AS until
