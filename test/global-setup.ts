/**
 * Jest globalSetup of the `integration` project: provides one Neo4j for the whole run.
 *   NEO4J_URI set           use that database as it is (NEO4J_USER / NEO4J_PASSWORD too)
 *   NEO4J_TESTCONTAINERS=1  a `neo4j:5.26-community` container (needs Docker and @testcontainers/neo4j)
 *   otherwise               the local Java Neo4j (src/db/local-neo4j.ts) on NEO4J_TEST_BOLT_PORT
 *                           (default 7697) with a fresh store in <tmp>/agencement-test-<pid>
 * The tests read NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD; the local mode also exports
 * AGENCEMENT_TEST_NEO4J_PID, _PORT, _DATA_DIR and _JARS_DIR (crash tests kill and restart it).
 * globalSetup and globalTeardown run in the same parent process: the handle lives on globalThis.
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultJarsDir, startLocalNeo4j, type LocalNeo4j } from '../src/db/local-neo4j';

export interface TestNeo4jState {
  local?: LocalNeo4j;
  dataDir?: string;
  container?: { stop(): Promise<unknown> };
}

export const TEST_NEO4J_KEY = '__agencementTestNeo4j';

type WithState = typeof globalThis & { [TEST_NEO4J_KEY]?: TestNeo4jState };

async function startContainer(): Promise<TestNeo4jState> {
  const moduleName = '@testcontainers/neo4j';
  let mod: any;
  try {
    mod = require(moduleName);
  } catch {
    throw new Error(
      'NEO4J_TESTCONTAINERS=1 but @testcontainers/neo4j is not installed: `npm install --no-save @testcontainers/neo4j` ' +
        '(and have Docker running), or unset NEO4J_TESTCONTAINERS to use the local Java Neo4j, or set NEO4J_URI.',
    );
  }
  const t0 = Date.now();
  let container: any;
  try {
    container = await new mod.Neo4jContainer('neo4j:5.26-community').start();
  } catch (err) {
    throw new Error(
      `NEO4J_TESTCONTAINERS=1 but the neo4j:5.26-community container did not start (is Docker installed and running?): ` +
        `${err instanceof Error ? err.message : String(err)}`,
    );
  }
  process.env.NEO4J_URI = container.getBoltUri();
  process.env.NEO4J_USER = container.getUsername();
  process.env.NEO4J_PASSWORD = container.getPassword();
  console.log(`\n[global-setup] Neo4j container ready at ${process.env.NEO4J_URI} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { container };
}

async function startLocal(): Promise<TestNeo4jState> {
  const raw = process.env.NEO4J_TEST_BOLT_PORT;
  const port = raw ? Number(raw) : 7697;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`NEO4J_TEST_BOLT_PORT must be a port number, got '${raw}'`);
  const dataDir = join(tmpdir(), `agencement-test-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  const jarsDir = defaultJarsDir();
  const local = await startLocalNeo4j({ port, dataDir, jarsDir, stopOnExit: true });
  process.env.NEO4J_URI = local.uri;
  process.env.NEO4J_USER = 'neo4j';
  process.env.NEO4J_PASSWORD = 'unused'; // auth is disabled on the local Neo4j
  process.env.AGENCEMENT_TEST_NEO4J_PID = String(local.pid);
  process.env.AGENCEMENT_TEST_NEO4J_PORT = String(port);
  process.env.AGENCEMENT_TEST_NEO4J_DATA_DIR = dataDir;
  process.env.AGENCEMENT_TEST_NEO4J_JARS_DIR = jarsDir;
  console.log(`\n[global-setup] local Neo4j ready at ${local.uri} in ${(local.startupMs / 1000).toFixed(1)} s (pid ${local.pid}, store ${dataDir})`);
  return { local, dataDir };
}

export default async function globalSetup(): Promise<void> {
  const g = globalThis as WithState;
  if (process.env.NEO4J_URI) {
    console.log(`\n[global-setup] using NEO4J_URI=${process.env.NEO4J_URI}`);
    g[TEST_NEO4J_KEY] = {};
    return;
  }
  g[TEST_NEO4J_KEY] = process.env.NEO4J_TESTCONTAINERS === '1' ? await startContainer() : await startLocal();
}
