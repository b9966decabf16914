import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config';
import { Database } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { startServer, type RunningApp } from '../src/server';
import { startLocalNeo4j, type LocalNeo4j } from '../src/db/local-neo4j';
import { createKey } from '../src/auth/key.service';

export interface BenchStack {
  db: Database;
  app: RunningApp;
  adminKey: string;
  /** POSTs one GraphQL request; throws on GraphQL errors. */
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

/**
 * A Neo4j (NEO4J_URI, or a fresh local one on NEO4J_BENCH_BOLT_PORT, default 7698) and our API
 * in this process, on an empty database.
 */
export async function startBenchStack(): Promise<BenchStack> {
  let local: LocalNeo4j | null = null;
  let dir: string | null = null;
  let uri = process.env.NEO4J_URI;
  if (!uri) {
    dir = mkdtempSync(join(tmpdir(), 'agencement-bench-'));
    local = await startLocalNeo4j({ port: Number(process.env.NEO4J_BENCH_BOLT_PORT ?? 7698), dataDir: dir, heapMb: 1024, stopOnExit: true });
    uri = local.uri;
  }
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', NODE_ENV: 'production', HOST: '127.0.0.1' });
  const db = new Database({ uri, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD, database: config.NEO4J_DATABASE, txTimeoutMs: 120_000 });
  await migrate(db);
  const s = db.session('WRITE');
  await s.run('MATCH (n) WHERE NOT n:Migration AND NOT n:ChangeSequence CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  await s.close();
  const app = await startServer({ config, db }, 0);
  const adminKey = (await createKey(db, 'ADMIN' as any, null, 'bench')).secret;
  return {
    db,
    app,
    adminKey,
    async gql(query, variables) {
      const res = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${adminKey}` }, body: JSON.stringify({ query, variables }) });
      const body: any = await res.json();
      if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
      return body.data;
    },
    async stop() {
      await app.stop();
      await db.close();
      if (local) await local.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A small deterministic PRNG for generated bench data. */
export { mulberry32 as rng } from '../src/common/random';
