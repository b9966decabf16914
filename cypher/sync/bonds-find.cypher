// The stored bonds of a sync batch, read before anything is written: for each item found, its id,
// its ends (a bond's ends cannot change) and whether it differs. Read-only: a replay ends here and
// writes nothing; the items not found go to `sync/bonds`, the changed ones to `sync/bonds-update`.
// The hint keeps the plan a seek whatever the statistics were when it was made (planned on an
// empty graph, Neo4j chose a scan of every bond for each item: a sync's cost grew with the bonds).
UNWIND $items AS item
MATCH (f:Actor)-[b:BOND {source: $source, externalId: item.externalId}]->(t:Actor)
USING INDEX SEEK b:BOND(source, externalId)
RETURN item.i AS i, b.id AS id, f.id AS from, t.id AS to,
       any(k IN keys(item.props) WHERE NOT coalesce(b[k] = item.props[k], (b[k] IS NULL) = (item.props[k] IS NULL))) AS changed
