// Deletes a source's bonds by external id (the hint: a seek, whatever the statistics at planning).
UNWIND $externalIds AS xid
MATCH ()-[b:BOND {source: $source, externalId: xid}]->()
USING INDEX SEEK b:BOND(source, externalId)
WITH xid, b, b {.id, .source, .externalId, .version} AS bond
DELETE b
RETURN xid, bond
