// The bonds a sync already holds under these external ids, with their endpoints.
UNWIND $externalIds AS xid
MATCH (f:Actor)-[b:BOND {source: $source, externalId: xid}]->(t:Actor)
RETURN xid AS externalId, f.id AS from, t.id AS to
