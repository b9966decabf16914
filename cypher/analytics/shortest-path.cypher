// A shortest chain of bonds between two actors (any direction), at most $maxHops long.
MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
OPTIONAL MATCH p = shortestPath((a)-[:BOND*..10]-(b))
WHERE length(p) <= $maxHops
RETURN a.id AS fromId, b.id AS toId, [n IN nodes(p) | n.id] AS ids
