// Loads commons.
UNWIND $commons AS c
CREATE (n:Common)
SET n = c {.id, .code, .name, .nameEn, .description}
