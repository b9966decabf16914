// Resolves actor references of a bond sync: by API id, or by (source, externalId), with the
// actor's source (program structure is checked on the ends' sources).
UNWIND $refs AS r
OPTIONAL MATCH (byId:Actor {id: r.id})
OPTIONAL MATCH (byKey:Actor {source: r.source, externalId: r.externalId})
RETURN r.key AS key, coalesce(byId.id, byKey.id) AS id, coalesce(byId.source, byKey.source) AS source
