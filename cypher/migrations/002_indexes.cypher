// One index per filter the API offers, so that no list query scans a label.
CREATE INDEX actor_kind IF NOT EXISTS FOR (a:Actor) ON (a.kind);
CREATE INDEX actor_sector IF NOT EXISTS FOR (a:Actor) ON (a.sector);
CREATE INDEX actor_source IF NOT EXISTS FOR (a:Actor) ON (a.source);
CREATE INDEX actor_territory IF NOT EXISTS FOR (a:Actor) ON (a.territory);
CREATE INDEX actor_name IF NOT EXISTS FOR (a:Actor) ON (a.name);
CREATE INDEX actor_updated_at IF NOT EXISTS FOR (a:Actor) ON (a.updatedAt);
CREATE INDEX actor_created_at IF NOT EXISTS FOR (a:Actor) ON (a.createdAt);
CREATE INDEX bond_kind IF NOT EXISTS FOR ()-[b:BOND]-() ON (b.kind);
CREATE INDEX bond_source IF NOT EXISTS FOR ()-[b:BOND]-() ON (b.source);
CREATE INDEX bond_since IF NOT EXISTS FOR ()-[b:BOND]-() ON (b.since);
CREATE INDEX participation_role IF NOT EXISTS FOR ()-[p:PARTICIPATES_IN]-() ON (p.role);
CREATE INDEX change_source IF NOT EXISTS FOR (c:Change) ON (c.source);
// Accent-insensitive French search over names and descriptions ("foret" finds "Forêt").
CREATE FULLTEXT INDEX actor_search IF NOT EXISTS FOR (a:Actor) ON EACH [a.name, a.description] OPTIONS { indexConfig: { `fulltext.analyzer`: 'french', `fulltext.eventually_consistent`: false } };
