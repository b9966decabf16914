// The stored actors `sync/actors` found different from their items: replaced by the item's synced
// fields, version up, back whole for the change feed.
UNWIND $items AS item
MATCH (a:Actor {id: item.id})
SET a += item.props, a.version = a.version + 1, a.updatedAt = datetime()
RETURN item.i AS i, a {.*} AS actor
