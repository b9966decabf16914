// The stored actors of a sync batch, read before anything is written: for each item found, its id
// and whether it differs. Read-only (no lock, no Eager): a replay, every item equal, ends here and
// writes nothing. The items not found go to `sync/actors` (MERGE, safe under concurrency); the
// changed ones to `sync/actors-update`. An item found here and deleted before the update is a
// conflict (the update finds no record): the call stores nothing.
UNWIND $items AS item
MATCH (a:Actor {source: $source, externalId: item.externalId})
RETURN item.i AS i, a.id AS id,
       any(k IN keys(item.props) WHERE NOT coalesce(a[k] = item.props[k], (a[k] IS NULL) = (item.props[k] IS NULL))) AS changed
