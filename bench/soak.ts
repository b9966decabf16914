/**
 * Soak: a fixed rate of mixed requests (reads, analytics, syncs, updates) for a duration, against
 * our API in a child process on a fresh Neo4j with the demo data. Prints errors (target 0),
 * latency percentiles per minute and the API's RSS drift (target flat).
 *   npx ts-node --transpile-only bench/soak.ts [--minutes 10 --rate 40] [--api-log FILE]
 * With --api-log, the API logs at `warn` level (errors and warnings, as JSON lines) into FILE.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { freePort } from '../test/helpers/ports';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startLocalNeo4j } from '../src/db/local-neo4j';
import { Database } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { loadGraph } from '../src/seed/seed.service';
import { buildDemoGraph } from '../src/seed/demo-data';
import { createKey } from '../src/auth/key.service';

const rssMb = (pid: number) => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    throw new Error(`the API process ${pid} is gone: it crashed`);
  }
};
const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] : 0);

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { minutes: { type: 'string', default: '10' }, rate: { type: 'string', default: '40' }, 'api-log': { type: 'string' } } });
  const minutes = Number(values.minutes);
  const rate = Number(values.rate);
  const dir = mkdtempSync(join(tmpdir(), 'agencement-soak-'));
  const neo = await startLocalNeo4j({ port: Number(process.env.NEO4J_BENCH_BOLT_PORT ?? 7699), dataDir: dir, heapMb: 1024, stopOnExit: true });
  const db = new Database({ uri: neo.uri, user: 'neo4j', password: 'x', txTimeoutMs: 30_000 });
  await migrate(db);
  await loadGraph(db, buildDemoGraph());
  const editor = (await createKey(db, 'EDITOR' as any, null, 'soak')).secret;
  const port = await freePort();
  const api = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], { cwd: join(__dirname, '..'), env: { ...process.env, NEO4J_URI: neo.uri, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: values['api-log'] ? 'warn' : 'silent', NODE_ENV: 'production', AGENCEMENT_SEED_DEMO: 'never' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const apiLog = values['api-log'] ? createWriteStream(values['api-log']) : null;
  if (apiLog) api.stdout!.pipe(apiLog);
  await new Promise<void>((resolve) => api.stdout!.on('data', (d) => String(d).includes('Agencement ready') && resolve()));
  const url = `http://127.0.0.1:${port}/graphql`;
  const post = async (query: string, variables?: object) => {
    const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${editor}` }, body: JSON.stringify({ query, variables }) });
    const body: any = await r.json();
    if (r.status >= 400 || body.errors) throw new Error(body.errors?.[0]?.extensions?.code ?? `HTTP ${r.status}`);
    return body.data;
  };
  const ids: string[] = (await post(`{ actors(first: 100) { edges { node { id } } } }`)).actors.edges.map((e: any) => e.node.id);
  const ops = ['FOOD_GOVERNANCE', 'FOREST_WOOD', 'WATER_AUDOMAROIS', 'ENERGY_STRATEGY', 'DIABETES'];
  let n = 0;
  const mix: Array<[string, () => Promise<unknown>]> = [
    ['actor page', () => post(`query($id: ID!) { actor(id: $id) { name bonds(first: 20) { edges { node { kind other(actor: $id) { name } } } } operations { code commons { code } } } }`, { id: ids[n % ids.length] })],
    ['list page', () => post(`{ actors(filter: { sectors: [ECONOMIC] }, first: 50) { totalCount edges { node { name bondCount } } } operation(code: "FOOD_GOVERNANCE") { participantCounts { role count } } }`)],
    ['search', () => post(`{ actors(search: "${['foret', 'lycee', 'eau', 'energie', 'association'][n % 5]}", first: 20) { totalCount edges { node { name } } } }`)],
    ['analytics', () => post(`query($o: ID) { arrangement(scope: { operation: $o }) { blau eiIndex topBrokers { actor { name } total } } }`, { o: ops[n % ops.length] })],
    ['sync', () => post(`mutation($a: [ActorSyncInput!]!) { syncActors(source: "soak", actors: $a) { created updated unchanged } }`, { a: Array.from({ length: 20 }, (_, i) => ({ externalId: `s${(n * 20 + i) % 2000}`, name: `Soak ${(n * 20 + i) % 2000} v${Math.floor(n / 100)}`, kind: 'ORGANIZATION', sector: 'ECONOMIC' })) })],
    ['update', () => post(`mutation($id: ID!, $d: String) { updateActor(id: $id, input: { description: $d }) { version } }`, { id: ids[(n * 7) % ids.length], d: `soak ${n}` })],
  ];
  const windows: { lat: number[]; errors: Map<string, number>; rss: number; byKind: Map<string, number[]> }[] = [];
  const t0 = Date.now();
  const end = t0 + minutes * 60_000;
  const pending: Promise<void>[] = [];
  console.log(`soak: ${minutes} min at ${rate} req/s, API pid ${api.pid}, RSS ${rssMb(api.pid!).toFixed(0)} MB at start`);
  while (Date.now() < end) {
    const w = Math.floor((Date.now() - t0) / 60_000);
    windows[w] ??= { lat: [], errors: new Map(), rss: 0, byKind: new Map() };
    const [name, run] = mix[n % mix.length];
    n++;
    const s = performance.now();
    pending.push(run().then(() => {
      const ms = performance.now() - s;
      windows[w].lat.push(ms);
      const kind = windows[w].byKind.get(name) ?? [];
      kind.push(ms);
      windows[w].byKind.set(name, kind);
    }, (e: Error) => void windows[w].errors.set(`${name}:${e.message}`, (windows[w].errors.get(`${name}:${e.message}`) ?? 0) + 1)));
    if (pending.length > 2000) await Promise.all(pending.splice(0, 1000));
    windows[w].rss = rssMb(api.pid!);
    await new Promise((r) => setTimeout(r, 1000 / rate));
  }
  await Promise.all(pending);
  console.log('minute  requests  p50 ms  p95 ms  p99 ms  errors  API RSS MB');
  windows.forEach((w, i) => console.log(`${String(i + 1).padStart(6)}  ${String(w.lat.length).padStart(8)}  ${pct(w.lat, 50).toFixed(0).padStart(6)}  ${pct(w.lat, 95).toFixed(0).padStart(6)}  ${pct(w.lat, 99).toFixed(0).padStart(6)}  ${String([...w.errors.values()].reduce((a, b) => a + b, 0)).padStart(6)}  ${w.rss.toFixed(0).padStart(10)}`));
  // Where the first minute's time went (a cold JVM and API), against the last minute's.
  for (const [label, w] of [['first minute', windows[0]], ['last minute', windows.at(-1)]] as const) {
    if (!w) continue;
    console.log(`${label}: ${[...w.byKind].map(([k, xs]) => `${k} p50 ${pct(xs, 50).toFixed(0)} / p95 ${pct(xs, 95).toFixed(0)} ms`).join('; ')}`);
  }
  const errors = new Map<string, number>();
  for (const w of windows) for (const [k, c] of w.errors) errors.set(k, (errors.get(k) ?? 0) + c);
  console.log(`total: ${n} requests, ${[...errors.values()].reduce((a, c) => a + c, 0)} errors ${JSON.stringify(Object.fromEntries(errors))}; RSS ${windows[0]?.rss.toFixed(0)} → ${windows.at(-1)?.rss.toFixed(0)} MB`);
  api.kill('SIGTERM');
  await new Promise((r) => api.on('exit', r));
  await db.close();
  await neo.stop();
  rmSync(dir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
