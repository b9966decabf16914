// Loads indicators' series (bulk, version 1): each `props` as the gate admitted it (src/seed/seed.service.ts).
WITH datetime() AS now
UNWIND $values AS v
MATCH (i:Indicator {id: v.indicator})
CREATE (i)-[:HAS_VALUE]->(n:IndicatorValue)
SET n = v.props, n.version = 1, n.createdAt = now, n.updatedAt = now
