// Identity: every entity's id is unique, and a system of record's key (source, externalId) too.
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT actor_source_external_id IF NOT EXISTS FOR (a:Actor) REQUIRE (a.source, a.externalId) IS UNIQUE;
CREATE CONSTRAINT bond_id IF NOT EXISTS FOR ()-[b:BOND]-() REQUIRE b.id IS UNIQUE;
CREATE CONSTRAINT bond_source_external_id IF NOT EXISTS FOR ()-[b:BOND]-() REQUIRE (b.source, b.externalId) IS UNIQUE;
CREATE CONSTRAINT participation_id IF NOT EXISTS FOR ()-[p:PARTICIPATES_IN]-() REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT operation_id IF NOT EXISTS FOR (o:Operation) REQUIRE o.id IS UNIQUE;
CREATE CONSTRAINT operation_code IF NOT EXISTS FOR (o:Operation) REQUIRE o.code IS UNIQUE;
CREATE CONSTRAINT common_id IF NOT EXISTS FOR (c:Common) REQUIRE c.id IS UNIQUE;
CREATE CONSTRAINT common_code IF NOT EXISTS FOR (c:Common) REQUIRE c.code IS UNIQUE;
CREATE CONSTRAINT indicator_id IF NOT EXISTS FOR (i:Indicator) REQUIRE i.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (e:Event) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.id IS UNIQUE;
CREATE CONSTRAINT api_key_hash IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.hash IS UNIQUE;
CREATE CONSTRAINT change_seq IF NOT EXISTS FOR (c:Change) REQUIRE c.seq IS UNIQUE;
CREATE CONSTRAINT change_sequence_name IF NOT EXISTS FOR (s:ChangeSequence) REQUIRE s.name IS UNIQUE;
CREATE CONSTRAINT migration_id IF NOT EXISTS FOR (m:Migration) REQUIRE m.id IS UNIQUE;
