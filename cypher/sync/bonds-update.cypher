// The stored bonds `sync/bonds` found different from their items: replaced by the item's synced
// fields, version up, back whole (with their ends) for the change feed.
UNWIND $items AS item
MATCH ()-[b:BOND {id: item.id}]->()
USING INDEX SEEK b:BOND(id)
SET b += item.props, b.version = b.version + 1, b.updatedAt = datetime()
RETURN item.i AS i, b {.*, from: item.from, to: item.to} AS bond
