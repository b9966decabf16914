// Funding and indicator series (issue #16): a funding is a FUNDING relationship from an actor to
// an operation, with its own id and (source, externalId); an indicator's values are nodes under it.
CREATE CONSTRAINT funding_id IF NOT EXISTS FOR ()-[f:FUNDING]-() REQUIRE f.id IS UNIQUE;
CREATE CONSTRAINT funding_source_external_id IF NOT EXISTS FOR ()-[f:FUNDING]-() REQUIRE (f.source, f.externalId) IS UNIQUE;
CREATE CONSTRAINT indicator_value_id IF NOT EXISTS FOR (v:IndicatorValue) REQUIRE v.id IS UNIQUE;
