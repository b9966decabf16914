import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CYPHER_DIR, statements } from './cypher';
import type { Database } from './database';
import { assertSupportedNeo4j } from './version';
import { nameKey } from '../actors/actor.model';

/**
 * Properties derived from others, for records stored before the migration that introduced them (or
 * restored from an older dump): actors' French sort key (004; Cypher cannot fold accents) and
 * participations' operation id (008, the keyset index of an operation's participations).
 */
export async function backfillDerived(session: ReturnType<Database['session']>): Promise<void> {
  await backfillNameKeys(session);
  await session.run('MATCH ()-[p:PARTICIPATES_IN]->(o:Operation) WHERE p._operation IS NULL CALL (p, o) { SET p._operation = o.id } IN TRANSACTIONS OF 5000 ROWS');
}

/** Actors stored before 004_name_keys get their French sort key (Cypher cannot fold accents). */
async function backfillNameKeys(session: ReturnType<Database['session']>): Promise<void> {
  for (;;) {
    const res = await session.run('MATCH (a:Actor) WHERE a._nameKey IS NULL AND a.name IS NOT NULL RETURN a.id AS id, a.name AS name LIMIT 5000');
    if (res.records.length === 0) return;
    const rows = res.records.map((r) => ({ id: r.get('id'), key: nameKey(String(r.get('name'))) }));
    await session.run('UNWIND $rows AS r MATCH (a:Actor {id: r.id}) SET a._nameKey = r.key', { rows });
  }
}

/**
 * Applies `cypher/migrations/NNN_*.cypher` in order. Each statement is idempotent (IF NOT EXISTS,
 * MERGE) and runs in its own auto-commit transaction, since schema changes cannot share one with
 * writes; a `(:Migration)` node records what was applied. Returns the ids applied now. Refuses a
 * Neo4j older than our Cypher needs (src/db/version.ts) before touching anything.
 */
export async function migrate(db: Database): Promise<string[]> {
  await assertSupportedNeo4j(db);
  const dir = join(CYPHER_DIR, 'migrations');
  const files = readdirSync(dir).filter((f) => /^\d{3}_.+\.cypher$/.test(f)).sort();
  const session = db.session('WRITE');
  const applied: string[] = [];
  try {
    const done = new Set<string>();
    const known = await session.run('MATCH (m:Migration) RETURN m.id AS id').catch(() => null);
    known?.records.forEach((r) => done.add(r.get('id') as string));
    for (const file of files) {
      const id = file.replace(/\.cypher$/, '');
      for (const stmt of statements(readFileSync(join(dir, file), 'utf8'))) await session.run(stmt);
      if (!done.has(id)) {
        await session.run('MERGE (m:Migration {id: $id}) ON CREATE SET m.appliedAt = datetime()', { id });
        applied.push(id);
      }
    }
    await session.run('CALL db.awaitIndexes(60)');
    await backfillDerived(session);
  } finally {
    await session.close();
  }
  return applied;
}
