// An operation's participations page by keyset on (operation, participation id) through an index,
// so that a page costs work in proportion to the page, not to the operation: each participation
// carries its operation's id as `_operation` (set where participations are created; operations
// never change ids). Participations stored before this migration get theirs here (and after a
// restore of an older dump, from src/db/migrate.ts).
CREATE INDEX participation_operation_keyset IF NOT EXISTS FOR ()-[p:PARTICIPATES_IN]-() ON (p._operation, p.id);
