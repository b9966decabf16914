import { cypher } from './cypher';
import type { Database, Params } from './database';

/** A statement to plan at start-up, with parameters of the shape its callers send. */
export interface PlannedStatement {
  name: string;
  params: Params;
  /** Run (hence planned) by the start-up rehearsal of the sync's write path, when there is one. */
  rehearsed?: boolean;
}

/**
 * Plans `statements` with EXPLAIN (nothing runs, nothing is written), so that the first real call
 * of each finds its plan in Neo4j's query cache instead of paying for planning and code
 * generation (issue #17: the first sync of a fresh instance cost four warm ones). The plan cache is
 * keyed by the text and the parameters' types, hence the sample parameters. Resolves with the time
 * taken in ms; a failure (Neo4j down) is not fatal: the plans are then made by the first calls.
 */
export async function planStatements(db: Database, statements: readonly PlannedStatement[]): Promise<number> {
  const t0 = performance.now();
  const session = db.session('WRITE');
  try {
    for (const s of statements) await session.run(`EXPLAIN ${cypher(s.name)}`, s.params, { timeout: 10_000 });
  } catch {
    // Planned by the first call instead.
  } finally {
    await session.close().catch(() => undefined);
  }
  return performance.now() - t0;
}
