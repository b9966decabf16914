import 'reflect-metadata';
import { loadConfig, type Config } from '../../src/config';
import { Database } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';
import { startServer, type RunningApp } from '../../src/server';
import { createKey } from '../../src/auth/key.service';
import type { Role } from '../../src/auth/roles';
import { loadGraph } from '../../src/seed/seed.service';
import { buildDemoGraph } from '../../src/seed/demo-data';

export interface GqlResponse<T = any> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>;
}

export interface TestApp {
  app: RunningApp;
  db: Database;
  config: Config;
  /** POSTs a GraphQL request, optionally with an API key. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, key?: string): Promise<GqlResponse<T>>;
  /** Creates an API key and returns its secret. */
  key(role: Role | `${Role}`, source?: string): Promise<string>;
  stop(): Promise<void>;
}

export function testDatabase(config?: Pick<Config, 'NEO4J_TX_TIMEOUT_MS' | 'NEO4J_MAX_CONCURRENT_WRITES'>): Database {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('NEO4J_URI is not set: run the integration tests through jest (test/global-setup.ts starts Neo4j)');
  return new Database({
    uri,
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? 'neo4j',
    txTimeoutMs: config?.NEO4J_TX_TIMEOUT_MS ?? 30_000,
    maxConcurrentWrites: config?.NEO4J_MAX_CONCURRENT_WRITES,
  });
}

/** Deletes every record but the migrations and resets the change sequence: each test file starts clean. */
export async function resetDatabase(db: Database): Promise<void> {
  const s = db.session('WRITE');
  try {
    await s.run('MATCH (n) WHERE NOT n:Migration AND NOT n:ChangeSequence CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
    await s.run("MATCH (s:ChangeSequence {name: 'changes'}) SET s.value = 0");
  } finally {
    await s.close();
  }
}

/** Starts the API in-process on a free port over the test Neo4j, on a clean database. */
export async function startTestApp(options: { seedDemo?: boolean; env?: Record<string, string> } = {}): Promise<TestApp> {
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1', ...options.env });
  const db = testDatabase(config);
  await migrate(db);
  await resetDatabase(db);
  if (options.seedDemo) await loadGraph(db, buildDemoGraph());
  const app = await startServer({ config, db }, 0);
  return {
    app,
    db,
    config,
    async gql(query, variables, key) {
      const res = await fetch(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as GqlResponse;
      return { status: res.status, data: body.data ?? undefined, errors: body.errors };
    },
    async key(role, source) {
      return (await createKey(db, role as Role, source ?? null, `test ${role}`)).secret;
    },
    async stop() {
      await app.stop();
      await db.close();
    },
  };
}
