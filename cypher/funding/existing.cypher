// The stored ends of a source's fundings by key (a sync may not move a funding to other ends).
UNWIND $externalIds AS x
MATCH (a:Actor)-[f:FUNDING {source: $source, externalId: x}]->(o:Operation)
RETURN x AS externalId, a.id AS funder, o.id AS operation
