import type { Database } from './database';

/**
 * The oldest Neo4j our Cypher runs on: the queries use `OPTIONAL CALL` (5.24) and the subquery scope
 * clause `CALL (x) { … }` (5.23). Calendar versions (2025.01 and later) all qualify.
 */
export const MIN_NEO4J: readonly [number, number] = [5, 24];

/** [major, minor] of a server agent such as `Neo4j/5.26.30`, `Neo4j/2025.01.0` or `Neo4j/5.27-aura`; null if unreadable. */
export function neo4jVersionOf(agent: string): [number, number] | null {
  const m = /^Neo4j\/(\d+)\.(\d+)/i.exec(agent.trim());
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** Why this server cannot serve the API, or null when it can (or its version cannot be read: then it is tried). */
export function unsupportedNeo4j(agent: string): string | null {
  const v = neo4jVersionOf(agent);
  if (!v) return null;
  const [major, minor] = v;
  if (major > MIN_NEO4J[0] || (major === MIN_NEO4J[0] && minor >= MIN_NEO4J[1])) return null;
  return (
    `Neo4j ${MIN_NEO4J.join('.')} or later is required, and the server at NEO4J_URI is ${agent.trim()}: ` +
    'the API\'s queries use OPTIONAL CALL and CALL (x) { … }. Upgrade it (5.26 LTS is what the tests run), ' +
    'or unset NEO4J_URI to let the API start its own Neo4j 5.26.'
  );
}

/** Refuses to start on a Neo4j too old for our Cypher, with a message saying so (instead of syntax errors on the first request). */
export async function assertSupportedNeo4j(db: Database): Promise<void> {
  const { agent } = await db.driver.getServerInfo();
  const problem = unsupportedNeo4j(agent ?? '');
  if (problem) throw new Error(problem);
}
