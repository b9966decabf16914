// Which of a funding's ends exist (to name the missing one), and the funder's source.
OPTIONAL MATCH (a:Actor {id: $funder})
OPTIONAL MATCH (o:Operation) WHERE o.id = $operation OR o.code = $operation
RETURN a.source AS funderSource, a IS NOT NULL AS funderFound, o IS NOT NULL AS operationFound
