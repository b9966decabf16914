import { neo4jVersionOf, unsupportedNeo4j } from '../../../src/db/version';

describe('the Neo4j versions the API accepts', () => {
  it('reads the version out of the server agent', () => {
    expect(neo4jVersionOf('Neo4j/5.26.30')).toEqual([5, 26]);
    expect(neo4jVersionOf('Neo4j/2025.01.0')).toEqual([2025, 1]);
    expect(neo4jVersionOf('Neo4j/5.27-aura')).toEqual([5, 27]);
    expect(neo4jVersionOf('Memgraph/2.0')).toBeNull();
  });

  it('accepts 5.24 and later, calendar versions included', () => {
    for (const agent of ['Neo4j/5.24.0', 'Neo4j/5.26.30', 'Neo4j/5.27-aura', 'Neo4j/2025.10.1', 'Neo4j/6.0.0']) expect(unsupportedNeo4j(agent)).toBeNull();
  });

  it('refuses older servers with a message that says what to do', () => {
    for (const agent of ['Neo4j/5.23.0', 'Neo4j/5.1.0', 'Neo4j/4.4.40']) {
      const message = unsupportedNeo4j(agent);
      expect(message).toContain('Neo4j 5.24 or later is required');
      expect(message).toContain(agent);
      expect(message).toContain('NEO4J_URI');
    }
  });

  it('tries a server whose agent it cannot read rather than refusing it', () => {
    expect(unsupportedNeo4j('')).toBeNull();
    expect(unsupportedNeo4j('SomethingElse/1.0')).toBeNull();
  });
});
