// Deletes a source's bonds by external id.
UNWIND $externalIds AS xid
MATCH ()-[b:BOND {source: $source, externalId: xid}]->()
WITH xid, b, b {.id, .source, .externalId, .version} AS bond
DELETE b
RETURN xid, bond
