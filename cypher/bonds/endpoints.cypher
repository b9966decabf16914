// Which of the given actor ids exist.
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN collect(a.id) AS found
