/**
 * Our API against `@neo4j/graphql` 7 (the peer) and against a hand-written server (the floor: one
 * Cypher query per page view, no GraphQL; bench/peer/floor-server.ts), on the same data and the
 * same Neo4j, side by side.
 *
 *   npm run bench -- [--duration 10] [--actors 10000] [--bonds 50000] [--connections 1,16,64]
 *                    [--workloads W1,W2,W3,W4,W5] [--servers ours,peer,floor] [--warmup 3]
 *                    [--data-dir DIR] [--cpu-prof ours|peer|floor|all] [--no-check] [--ts-node]
 *
 * Generates a deterministic network, loads it with UNWIND batches through our `Database` into a
 * fresh local Neo4j (NEO4J_BENCH_BOLT_PORT, default 7712, heap 1 GB; or NEO4J_URI, whose data it
 * REPLACES) after our migrations, starts the three servers in child processes, checks that the peer
 * and the floor answer each view as ours does, then drives them with page views (bench/peer/drive.ts:
 * a view that pages sends each page in turn) at each concurrency, alternating
 * ours/peer/floor twice, sampling each server's RSS every 250 ms and the CPU each process (servers
 * and Neo4j) spent. Prints a table with ours/peer and ours/floor; writes bench/results/graphql.json
 * and graphql.svg.
 *
 * The servers run like `npm start`: compiled with tsc first (into .cache/bench-build), then plain
 * `node`. `--ts-node` runs them through ts-node --transpile-only instead (`npm run dev`).
 */
import 'reflect-metadata';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import http from 'node:http';
import { drive, poster, runView } from './peer/drive';
import { Database } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { startLocalNeo4j, type LocalNeo4j } from '../src/db/local-neo4j';
import { generateGraph } from './peer/data';
import { loadBenchGraph } from './peer/load';
import { buildWorkloads, luceneOf, type Server, type Workload } from './peer/workloads';
import { renderChart } from './peer/chart';
import { ProcessMeter } from './peer/meter';

const REPO = resolve(__dirname, '..');
const SERVERS: Server[] = ['ours', 'peer', 'floor'];
const SERVER_NAMES: Record<Server, string> = { ours: 'Our API', peer: 'Peer (@neo4j/graphql 7)', floor: 'Floor (hand-written Cypher, no GraphQL)' };

interface RunResult {
  workload: string;
  connections: number;
  server: Server;
  rep: number;
  /** Page views a second. */
  rps: number;
  views: number;
  requests: number;
  p50: number;
  p99: number;
  errors: number;
  peakRssMb: number;
  apiCpuMsPerReq: number;
  neo4jCpuMsPerReq: number | null;
}

/** A run's figures averaged over its alternated repetitions. */
type Summary = Omit<RunResult, 'rep' | 'views' | 'requests'> & { requestsPerView: number };

const log = (line: string): void => void process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      actors: { type: 'string', default: '10000' },
      bonds: { type: 'string', default: '50000' },
      connections: { type: 'string', default: '1,16,64' },
      workloads: { type: 'string', default: 'W1,W2,W3,W4,W5' },
      servers: { type: 'string', default: 'ours,peer,floor' },
      warmup: { type: 'string', default: '3' },
      'data-dir': { type: 'string' },
      'cpu-prof': { type: 'string' },
      'no-check': { type: 'boolean', default: false },
      'ts-node': { type: 'boolean', default: false },
      out: { type: 'string', default: 'bench/results/graphql' },
    },
  });
  const duration = Number(values.duration);
  const warmup = Number(values.warmup);
  const nActors = Number(values.actors);
  const nBonds = Number(values.bonds);
  const conns = values.connections.split(',').map(Number);
  const wanted = new Set(values.workloads.split(','));
  const servers = SERVERS.filter((s) => values.servers.split(',').includes(s));
  const started = Date.now();

  // --- data ---------------------------------------------------------------------------------------
  let t0 = performance.now();
  const graph = generateGraph(nActors, nBonds);
  const maxDeg = Math.max(...graph.degree);
  const sortedDeg = [...graph.degree].sort((a, b) => a - b);
  log(
    `Generated ${graph.actors.length} actors, ${graph.bonds.length} bonds, ${graph.participations.length} participations, ` +
      `${graph.operations.length} operations in ${((performance.now() - t0) / 1000).toFixed(1)} s ` +
      `(degree median ${sortedDeg[sortedDeg.length >> 1]}, p99 ${sortedDeg[Math.floor(sortedDeg.length * 0.99)]}, max ${maxDeg})`,
  );

  let local: LocalNeo4j | null = null;
  let tempDir: string | null = null;
  let uri = process.env.NEO4J_URI;
  if (!uri) {
    const dir = values['data-dir'] ? resolve(values['data-dir']) : (tempDir = mkdtempSync(join(tmpdir(), 'agencement-bench-graphql-')));
    t0 = performance.now();
    local = await startLocalNeo4j({ port: Number(process.env.NEO4J_BENCH_BOLT_PORT ?? 7712), dataDir: dir, heapMb: 1024, stopOnExit: true });
    uri = local.uri;
    log(`Neo4j ${uri} ready in ${((performance.now() - t0) / 1000).toFixed(1)} s (${dir})`);
  }
  const db = new Database({ uri, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? 'neo4j', txTimeoutMs: 300_000 });
  const children: ChildProcess[] = [];
  const killChildren = () => children.forEach((c) => c.exitCode === null && c.kill('SIGTERM'));
  process.once('exit', killChildren);
  try {
    await migrate(db);
    // A store kept with --data-dir (or NEO4J_URI) that already holds this very graph is reused.
    const marker = `${nActors}/${nBonds}/v1`;
    const s = db.session('WRITE');
    try {
      const found = await s.run('MATCH (m:BenchMarker {key: $marker}) RETURN count(m) AS n', { marker });
      if (Number(found.records[0].get('n')) > 0) {
        log('Reusing the graph already loaded in this database');
      } else {
        await s.run('MATCH (n) WHERE NOT n:Migration AND NOT n:ChangeSequence CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
        t0 = performance.now();
        log('Loading through our Database (UNWIND batches of 5,000):');
        await loadBenchGraph(db, graph, log);
        log(`Loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
        await s.run('CREATE (:BenchMarker {key: $marker})', { marker });
      }
    } finally {
      await s.close();
    }

    // --- servers --------------------------------------------------------------------------------
    const compiled = !values['ts-node'];
    if (compiled) {
      t0 = performance.now();
      compileServers();
      log(`Compiled both servers with tsc in ${((performance.now() - t0) / 1000).toFixed(1)} s (${BUILD_DIR})`);
    }
    const prof = values['cpu-prof'];
    const profDir = join(REPO, 'bench/results/prof');
    const urls = {} as Record<Server, string>;
    const pids = {} as Record<Server, number>;
    for (const server of servers) {
      const withProf = prof === server || prof === 'all' || (prof === 'both' && server !== 'floor');
      if (withProf) mkdirSync(profDir, { recursive: true });
      const child = spawn(
        process.execPath,
        [...(withProf ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`, `--cpu-prof-name=${server}-${Date.now()}.cpuprofile`] : []), ...serverEntry(server, compiled)],
        { cwd: REPO, env: { ...process.env, NEO4J_URI: uri, NODE_ENV: 'production', LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'inherit'] },
      );
      children.push(child);
      urls[server] = await new Promise<string>((res, rej) => {
        createInterface({ input: child.stdout! }).on('line', (line) => {
          if (line.startsWith('READY ')) res(line.slice(6).trim());
        });
        child.once('exit', (code) => rej(new Error(`${server} server exited (${code}) before it was ready`)));
      });
      pids[server] = child.pid!;
      log(`${SERVER_NAMES[server]}: ${urls[server]} (pid ${child.pid})`);
    }

    const workloads = buildWorkloads(graph).filter((w) => wanted.has(w.key));

    // --- equality check --------------------------------------------------------------------------
    // checks[other][workload]: the other server's answers against ours.
    const checks: Partial<Record<Server, Record<string, Check>>> = {};
    if (!values['no-check'] && servers.includes('ours')) {
      for (const other of servers.filter((x) => x !== 'ours')) {
        const c: Record<string, Check> = (checks[other] = {});
        for (const w of workloads) c[w.key] = await checkWorkload(w, urls, other, db);
        log(`Same answers, ${other} as ours: ${workloads.map((w) => `${w.key} ${c[w.key].compared - c[w.key].mismatches}/${c[w.key].compared}`).join(', ')}`);
        for (const w of workloads) if (c[w.key].example) log(`  ${w.key} differs, e.g. ${c[w.key].example}`);
      }
    }

    // --- load -------------------------------------------------------------------------------------
    const neo4jPid = local?.pid ?? (process.env.NEO4J_BENCH_PID ? Number(process.env.NEO4J_BENCH_PID) : null);
    const meter = new ProcessMeter({ ...pids, ...(neo4jPid ? { neo4j: neo4jPid } : {}) });
    meter.start();
    const runs: RunResult[] = [];
    const plan = workloads.length * (conns.length * 2 * servers.length * duration + servers.length * warmup);
    log(`\nDriving ${workloads.map((w) => w.key).join(', ')} at ${conns.join(', ')} connections, ${duration} s a run, alternating ${servers.join('/')} twice (~${Math.ceil(plan / 60)} min)`);
    for (const w of workloads) {
      for (const server of servers) await drive(w, server, urls[server], 16, warmup);
      for (const c of conns) {
        for (let rep = 0; rep < 2; rep++) {
          for (const server of servers) {
            meter.mark();
            const r = await drive(w, server, urls[server], c, duration);
            const m = meter.read(server);
            const neo = neo4jPid ? meter.cpuMs('neo4j') : null;
            const run: RunResult = {
              workload: w.key,
              connections: c,
              server,
              rep,
              rps: r.rps,
              views: r.views,
              requests: r.requests,
              p50: r.p50,
              p99: r.p99,
              errors: r.errors,
              peakRssMb: m.peakRssMb,
              apiCpuMsPerReq: m.cpuMs / Math.max(1, r.views),
              neo4jCpuMsPerReq: neo == null ? null : neo / Math.max(1, r.views),
            };
            runs.push(run);
            log(`  ${w.key} c=${String(c).padEnd(2)} ${server.padEnd(5)} ${r.rps.toFixed(0).padStart(6)} views/s (${(r.requests / Math.max(1, r.views)).toFixed(1)} req/view)  p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(6)} ms  err ${r.errors}  rss ${m.peakRssMb.toFixed(0)} MB  cpu/view api ${run.apiCpuMsPerReq.toFixed(2)} ms neo4j ${neo == null ? '-' : run.neo4jCpuMsPerReq!.toFixed(2)} ms`);
          }
        }
      }
    }
    meter.stop();
    const peakRss = Object.fromEntries(servers.map((s) => [s, meter.overallPeakMb(s)])) as Record<Server, number>;

    // --- report -----------------------------------------------------------------------------------
    const summaries: Summary[] = [];
    for (const w of workloads) {
      for (const c of conns) {
        for (const server of servers) {
          const rs = runs.filter((r) => r.workload === w.key && r.connections === c && r.server === server);
          const mean = (f: (r: RunResult) => number) => rs.reduce((a, r) => a + f(r), 0) / rs.length;
          summaries.push({
            workload: w.key,
            connections: c,
            server,
            rps: mean((r) => r.rps),
            requestsPerView: rs.reduce((a, r) => a + r.requests, 0) / Math.max(1, rs.reduce((a, r) => a + r.views, 0)),
            p50: mean((r) => r.p50),
            p99: mean((r) => r.p99),
            errors: rs.reduce((a, r) => a + r.errors, 0),
            peakRssMb: Math.max(...rs.map((r) => r.peakRssMb)),
            apiCpuMsPerReq: mean((r) => r.apiCpuMsPerReq),
            neo4jCpuMsPerReq: rs[0].neo4jCpuMsPerReq == null ? null : mean((r) => r.neo4jCpuMsPerReq!),
          });
        }
      }
    }
    const table = formatTable(workloads, conns, servers, summaries, peakRss, checks);
    log(`\n${table}`);
    const out = resolve(REPO, values.out);
    mkdirSync(join(out, '..'), { recursive: true });
    const result = {
      at: new Date().toISOString(),
      peer: '@neo4j/graphql 7 (Apollo Server 5)',
      floor: 'hand-written: node:http, one Cypher query per page view (bench/peer/floor-server.ts)',
      runtime: compiled ? 'compiled with tsc, plain node (as npm start)' : 'ts-node --transpile-only (as npm run dev)',
      machine: { cpus: require('node:os').cpus().length, node: process.version },
      data: { actors: graph.actors.length, bonds: graph.bonds.length, participations: graph.participations.length, operations: graph.operations.length, maxDegree: maxDeg },
      durationPerRunSeconds: duration,
      connections: conns,
      workloads: Object.fromEntries(workloads.map((w) => [w.key, { title: w.title, query: w.query, check: Object.fromEntries(Object.entries(checks).map(([k, c]) => [k, c![w.key]])) }])),
      summaries,
      ratios: workloads.flatMap((w) =>
        conns.map((c) => {
          const get = (sv: Server) => summaries.find((s) => s.workload === w.key && s.connections === c && s.server === sv);
          const [o, p, f] = [get('ours'), get('peer'), get('floor')];
          return { workload: w.key, connections: c, vsPeer: o && p ? o.rps / p.rps : null, vsFloor: o && f ? o.rps / f.rps : null, p99VsPeer: o && p ? o.p99 / p.p99 : null };
        }),
      ),
      peakRssMb: peakRss,
      runs,
      totalSeconds: Math.round((Date.now() - started) / 1000),
      table,
    };
    writeFileSync(`${out}.json`, JSON.stringify(result, null, 2));
    writeFileSync(`${out}.svg`, renderChart(workloads.map((w) => w.key), conns, summaries));
    log(`Wrote ${values.out}.json and ${values.out}.svg (whole run ${Math.round((Date.now() - started) / 1000)} s)`);
  } finally {
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((res) => {
            if (c.exitCode !== null) return res();
            const timer = setTimeout(() => c.kill('SIGKILL'), 15_000);
            c.once('exit', () => (clearTimeout(timer), res()));
            c.kill('SIGTERM');
          }),
      ),
    );
    await db.close();
    if (local) await local.stop();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  }
}

const BUILD_DIR = join(REPO, '.cache', 'bench-build');

/** The servers (and all of src/) through tsc into .cache/bench-build (gitignored), as `npm start` builds. */
function compileServers(): void {
  rmSync(BUILD_DIR, { recursive: true, force: true });
  mkdirSync(BUILD_DIR, { recursive: true });
  const tsconfig = join(BUILD_DIR, 'tsconfig.json');
  writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: join(REPO, 'tsconfig.json'),
      compilerOptions: { rootDir: REPO, outDir: BUILD_DIR, sourceMap: false, types: ['node'], noEmit: false },
      files: [join(REPO, 'bench/peer/ours-server.ts'), join(REPO, 'bench/peer/peer-server.ts'), join(REPO, 'bench/peer/floor-server.ts')],
      include: [],
    }),
  );
  const r = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', tsconfig], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tsc failed:\n${r.stdout}${r.stderr}`);
  // src/db/cypher.ts finds the queries two folders above itself.
  symlinkSync(join(REPO, 'cypher'), join(BUILD_DIR, 'cypher'), 'dir');
}

/**
 * How a server process starts: like `npm start`, from the tsc output (both servers alike), or with
 * --ts-node through ts-node. A what-if may point BENCH_OURS_ENTRY / BENCH_PEER_ENTRY / BENCH_FLOOR_ENTRY at
 * another compiled .js entry.
 */
function serverEntry(server: Server, compiled = false): string[] {
  const override = process.env[`BENCH_${server.toUpperCase()}_ENTRY`];
  if (override?.endsWith('.js')) return [resolve(override)];
  if (compiled) return [join(BUILD_DIR, `bench/peer/${server}-server.js`)];
  return ['-r', 'ts-node/register/transpile-only', join(REPO, `bench/peer/${server}-server.ts`)];
}

interface Check {
  compared: number;
  mismatches: number;
  example?: string;
}

/** Asks ours and `other` the same page views (every page of a paged view) and compares the canonical answers. */
async function checkWorkload(w: Workload, urls: Record<Server, string>, other: Server, db: Database): Promise<Check> {
  const sample = w.variables.slice(0, Math.min(w.variables.length, 40));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
  let mismatches = 0;
  let example: string | undefined;
  for (const v of sample) {
    const [o, p] = await Promise.all([runView(w, 'ours', v.ours, poster(urls.ours, agent)), runView(w, other, v[other], poster(urls[other], agent))]);
    const a = w.normalize.ours(o);
    const b = w.normalize[other](p);
    let why: string | null = null;
    if (w.key === 'W3') why = await checkSearch(db, String((v.ours as any).q), a as any[], b as any[]);
    else if (canonical(a) !== canonical(b)) why = firstDifference(a, b);
    if (why) {
      mismatches++;
      example ??= `${JSON.stringify(v.ours)}: ${why}`;
    }
  }
  agent.destroy();
  return { compared: sample.length, mismatches, ...(example ? { example } : {}) };
}

/**
 * Both lists must be a valid "20 best by score": non-increasing scores, everything scoring above
 * the 20th best score present; ties at the cut may differ. Common ids must carry the same fields.
 */
async function checkSearch(db: Database, word: string, ours: any[], other: any[]): Promise<string | null> {
  const s = db.session('READ');
  let scores: Map<string, number>;
  try {
    const res = await s.run("CALL db.index.fulltext.queryNodes('actor_search', $q) YIELD node, score RETURN node.id AS id, score", { q: luceneOf(word) });
    scores = new Map(res.records.map((r) => [r.get('id') as string, r.get('score') as number]));
  } finally {
    await s.close();
  }
  const all = [...scores.values()].sort((x, y) => y - x);
  const n = Math.min(20, all.length);
  const cut = all[n - 1];
  const eps = 1e-6;
  for (const [name, list] of [['ours', ours], ['other', other]] as const) {
    if (list.length !== n) return `${name} returned ${list.length} hits, expected ${n}`;
    const sc = list.map((x) => scores.get(x.id) ?? -1);
    if (sc.some((x) => x < cut - eps)) return `${name} returned a hit below the 20th best score`;
    if (sc.some((x, i) => i > 0 && x > sc[i - 1] + eps)) return `${name} is not ordered by score`;
    const above = [...scores].filter(([, x]) => x > cut + eps).map(([id]) => id);
    const ids = new Set(list.map((x) => x.id));
    if (above.some((id) => !ids.has(id))) return `${name} misses a hit above the cut`;
  }
  const byId = new Map(other.map((x) => [x.id, canonical(x)]));
  for (const x of ours) if (byId.has(x.id) && byId.get(x.id) !== canonical(x)) return `fields differ for ${x.id}`;
  return null;
}

/** JSON with object keys sorted: answers compare by content, whatever order a server writes keys in. */
function canonical(x: unknown): string {
  const sort = (v: unknown): unknown => (Array.isArray(v) ? v.map(sort) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as any)[k])])) : v);
  return JSON.stringify(sort(x));
}

function firstDifference(a: unknown, b: unknown, path = ''): string {
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return `${path || '.'}: ours ${JSON.stringify(a)?.slice(0, 120)} vs theirs ${JSON.stringify(b)?.slice(0, 120)}`;
  const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
  for (const k of keys) {
    const x = (a as any)[k];
    const y = (b as any)[k];
    if (canonical(x) !== canonical(y)) return firstDifference(x, y, `${path}.${k}`);
  }
  return `${path}: equal?`;
}

function formatTable(workloads: Workload[], conns: number[], servers: Server[], s: Summary[], peakRss: Record<Server, number>, checks: Partial<Record<Server, Record<string, Check>>>): string {
  const get = (w: string, c: number, sv: Server) => s.find((x) => x.workload === w && x.connections === c && x.server === sv);
  const per = (w: string, c: number, f: (x: Summary) => string) => servers.map((sv) => { const x = get(w, c, sv); return x ? f(x) : '-'; }).join('/');
  const ratio = (a?: Summary, b?: Summary) => (a && b ? `${(a.rps / b.rps).toFixed(2)}x` : '-');
  const initials = servers.map((sv) => sv[0]).join('/');
  const head = ['wl', 'conn', ...servers.map((sv) => `${sv} views/s`), 'ours/peer', 'ours/floor', `p50 ${initials}`, `p99 ${initials}`, 'p99 ours/peer', `errors ${initials}`, `RSS MB ${initials}`, `API cpu ms/view ${initials}`, `neo4j cpu ms/view ${initials}`, 'req/view ours', 'same as ours p/f'];
  const rows: string[][] = [];
  for (const w of workloads) {
    for (const c of conns) {
      const [o, p, f] = [get(w.key, c, 'ours'), get(w.key, c, 'peer'), get(w.key, c, 'floor')];
      const chk = (sv: Server) => { const x = checks[sv]?.[w.key]; return x ? `${x.compared - x.mismatches}/${x.compared}` : '-'; };
      rows.push([
        w.key,
        String(c),
        ...servers.map((sv) => { const x = get(w.key, c, sv); return x ? x.rps.toFixed(0) : '-'; }),
        ratio(o, p),
        ratio(o, f),
        per(w.key, c, (x) => x.p50.toFixed(1)),
        per(w.key, c, (x) => x.p99.toFixed(1)),
        o && p ? (o.p99 / p.p99).toFixed(2) : '-',
        per(w.key, c, (x) => String(x.errors)),
        per(w.key, c, (x) => x.peakRssMb.toFixed(0)),
        per(w.key, c, (x) => x.apiCpuMsPerReq.toFixed(2)),
        per(w.key, c, (x) => (x.neo4jCpuMsPerReq == null ? '-' : x.neo4jCpuMsPerReq.toFixed(2))),
        o ? o.requestsPerView.toFixed(1) : '-',
        `${chk('peer')} ${chk('floor')}`,
      ]);
    }
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => `| ${r.map((x, i) => (i < 2 ? x.padEnd(widths[i]) : x.padStart(widths[i]))).join(' | ')} |`;
  const lines = [fmt(head), `|${widths.map((wd, i) => (i < 2 ? ':' + '-'.repeat(wd + 1) : '-'.repeat(wd + 1) + ':')).join('|')}|`, ...rows.map(fmt), ''];
  lines.push(`Page views a second (a paged view counts once, all its requests in turn); latencies per view in ms; the mean of the two alternated runs. Peak RSS over the whole run: ${servers.map((sv) => `${sv} ${peakRss[sv].toFixed(0)} MB`).join(', ')}.`);
  return lines.join('\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
