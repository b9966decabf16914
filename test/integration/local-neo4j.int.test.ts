/**
 * Starts the real local Neo4j (Java, jars from .cache/, fetched on first run) on a free port:
 * queries it through neo4j-driver, checks the clear errors for a taken port and a locked store,
 * then stops it and checks the JVM is gone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { LocalNeo4jError, neo4jJarsReady, startLocalNeo4j, type LocalNeo4j } from '../../src/db/local-neo4j';

jest.setTimeout(120_000);
// The first run on a fresh clone fetches ~120 MB of jars through Maven first (~7 min on an empty ~/.m2).
const START_TIMEOUT_MS = neo4jJarsReady() ? 120_000 : 15 * 60_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('local Neo4j', () => {
  let dir: string;
  let port: number;
  let db: LocalNeo4j | undefined;
  let driver: Driver | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'agencement-local-neo4j-'));
    port = await freePort();
    db = await startLocalNeo4j({ port, dataDir: join(dir, 'neo4j'), stopOnExit: true });
    driver = neo4j.driver(db.uri, neo4j.auth.basic('neo4j', 'x')); // auth is off: any password works
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await driver?.close();
    await db?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('listens on the requested port and answers Cypher', async () => {
    expect(db!.uri).toBe(`bolt://127.0.0.1:${port}`);
    expect(db!.startupMs).toBeGreaterThan(0);
    const session = driver!.session();
    try {
      const one = await session.run('RETURN 1 AS one');
      expect(one.records[0].get('one').toNumber()).toBe(1);
      const components = await session.run('CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition');
      const row = components.records[0];
      expect(row.get('name')).toBe('Neo4j Kernel');
      expect(row.get('versions')[0]).toMatch(/^5\.26\./);
      expect(row.get('edition')).toBe('community');
    } finally {
      await session.close();
    }
  });

  it('refuses a second instance on the same port, naming the port', async () => {
    const err = await startLocalNeo4j({ port, dataDir: join(dir, 'other') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LocalNeo4jError);
    expect((err as LocalNeo4jError).code).toBe('PORT_IN_USE');
    expect((err as Error).message).toContain(`Port ${port} on 127.0.0.1 is already in use`);
  });

  it('refuses a second instance on the same store, naming the store lock', async () => {
    const otherPort = await freePort();
    const err = await startLocalNeo4j({ port: otherPort, dataDir: join(dir, 'neo4j') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LocalNeo4jError);
    expect((err as LocalNeo4jError).code).toBe('STORE_LOCKED');
    expect((err as Error).message).toContain('store_lock');
    expect((err as Error).message).toContain(join(dir, 'neo4j'));
  });

  it('stops on SIGTERM and the JVM is gone', async () => {
    await driver!.close();
    driver = undefined;
    const { pid } = db!;
    expect(isRunning(pid)).toBe(true);
    await db!.stop();
    const { code, signal } = await db!.exited;
    expect(signal).toBeNull(); // a clean exit, not the SIGKILL fallback
    expect(code).toBe(143); // the JVM's exit status after SIGTERM and its shutdown hook
    expect(isRunning(pid)).toBe(false);
    db = undefined;
  });
});
