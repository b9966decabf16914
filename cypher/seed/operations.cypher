// Loads operations and the commons they serve.
UNWIND $operations AS o
CREATE (n:Operation)
SET n = o {.id, .code, .name, .description}
WITH n, o
UNWIND o.commons AS code
MATCH (c:Common {code: code})
CREATE (n)-[:SERVES]->(c)
