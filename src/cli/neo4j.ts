/**
 * `npm run neo4j -- [start|fetch]` (or `npx ts-node --transpile-only src/cli/neo4j.ts ...`):
 *   fetch  make sure the Neo4j 5.26 jars are in .cache/ (CI runs this to pre-fetch them)
 *   start  run a local Neo4j in the foreground until Ctrl-C / SIGTERM (the default command)
 * Settings (environment): NEO4J_BOLT_PORT (7687), AGENCEMENT_DATA_DIR (./.data; the store goes in
 * <dir>/neo4j), NEO4J_HEAP_MB (512).
 */
import { resolve } from 'node:path';
import { ensureNeo4jJars, NEO4J_VERSION, startLocalNeo4j } from '../db/local-neo4j';

const USAGE = `usage: npm run neo4j -- [start|fetch]
  start  run Neo4j ${NEO4J_VERSION} in the foreground on 127.0.0.1:$NEO4J_BOLT_PORT (default 7687),
         store in $AGENCEMENT_DATA_DIR/neo4j (default ./.data/neo4j); Ctrl-C stops it
  fetch  only fetch the Neo4j jars from Maven Central into .cache/ (first run takes minutes)`;

function intFromEnv(name: string, def: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer from ${min} to ${max}, got '${raw}'`);
  return n;
}

async function fetch(): Promise<void> {
  const dir = await ensureNeo4jJars({ log: (l) => console.log(l) });
  console.log(`Neo4j ${NEO4J_VERSION} jars are in ${dir}`);
}

async function start(): Promise<void> {
  const port = intFromEnv('NEO4J_BOLT_PORT', 7687, 1, 65535);
  const heapMb = intFromEnv('NEO4J_HEAP_MB', 512, 128, 65536);
  const dataDir = resolve(process.env.AGENCEMENT_DATA_DIR || './.data', 'neo4j');
  console.log(`Starting Neo4j ${NEO4J_VERSION} on 127.0.0.1:${port} (store ${dataDir}, heap ${heapMb} MB)...`);
  const neo4j = await startLocalNeo4j({
    port,
    dataDir,
    heapMb,
    stopOnExit: true,
    log: (line) => {
      // READY and ERROR are reported below in their own words.
      if (!/^NEO4J_(READY|STOPPED|ERROR) /.test(`${line} `)) console.log(`[neo4j] ${line}`);
    },
  });
  console.log(`NEO4J_READY ${neo4j.uri} in ${(neo4j.startupMs / 1000).toFixed(1)} s (pid ${neo4j.pid}, auth disabled) — Ctrl-C to stop`);

  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping Neo4j...`);
    const t0 = Date.now();
    neo4j.stop().then(
      () => {
        console.log(`Neo4j stopped in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
        process.exit(0);
      },
      (err: unknown) => {
        console.error(`error while stopping Neo4j: ${err instanceof Error ? err.message : String(err)}`);
        process.exit(1);
      },
    );
  };
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(s, onSignal);

  const { code, signal } = await neo4j.exited;
  if (!stopping) {
    console.error(`Neo4j exited on its own (${signal ? `signal ${signal}` : `exit code ${code}`}); see ${resolve(dataDir, 'logs', 'debug.log')}`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const command = process.argv[2] ?? 'start';
  switch (command) {
    case 'start':
      return start();
    case 'fetch':
      return fetch();
    case '-h':
    case '--help':
    case 'help':
      console.log(USAGE);
      return;
    default:
      console.error(`unknown command '${command}'\n${USAGE}`);
      process.exit(2);
  }
}

main().catch((err: unknown) => {
  console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
