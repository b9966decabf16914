/**
 * Benchmark of src/analytics/metrics against graphology-metrics and NetworkX on one generated
 * network (seeded: preferential attachment inside and across clusters, so degrees are skewed and a
 * few nodes bridge clusters).
 *
 *   npx ts-node --transpile-only bench/analytics.ts [--nodes 10000 --edges 50000 --seed 1]
 *     [--skip-networkx] [--skip-networkx-betweenness] [--networkx-full] [--networkx-sources 500]
 *     [--skip-graphology]
 *
 * NetworkX's betweenness and closeness are pure Python, O(n·m): by default they are timed on
 * `--networkx-sources` sampled sources and extrapolated (marked "~"); `--networkx-full` runs them
 * completely (~10 minutes at 10k/50k). Our k-pivot betweenness samples the same pivots as NetworkX,
 * so its values are compared exactly even then.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { availableParallelism, loadavg, tmpdir } from 'os';
import * as path from 'path';
import betweennessGraphology from 'graphology-metrics/centrality/betweenness';
import closenessGraphology from 'graphology-metrics/centrality/closeness';
import { degreeCentrality as degreeGraphology } from 'graphology-metrics/centrality/degree';
import eigenvectorGraphology from 'graphology-metrics/centrality/eigenvector';
import pagerankGraphology from 'graphology-metrics/centrality/pagerank';
import { density as densityGraphology } from 'graphology-metrics/graph/density';
import {
  betweennessCentrality,
  betweennessCentralityParallel,
  buildCsr,
  closenessCentrality,
  connectedComponents,
  constraint,
  degreeCentrality,
  density,
  effectiveSize,
  eigenvectorCentrality,
  louvain,
  type NetworkInput,
  pagerank,
  type Scores,
  toGraphology,
} from '../src/analytics/metrics';
import { mulberry32 } from '../src/analytics/metrics/communities';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const N = option('nodes', 10000);
const M = option('edges', 50000);
const SEED = option('seed', 1);
const NX_SOURCES = option('networkx-sources', 500);

/** Clustered preferential attachment: each new node ties to earlier nodes, by degree, mostly in its cluster. */
function generate(n: number, m: number, seed: number): NetworkInput {
  const random = mulberry32(seed);
  const nodes = Array.from({ length: n }, (_, i) => `actor${i}`);
  const clusters = Math.max(1, Math.round(n / 60));
  const clusterOf = Array.from({ length: n }, () => Math.floor(clusters * random() ** 1.5)); // uneven sizes
  const globalPool: number[] = [];
  const clusterPool: number[][] = Array.from({ length: clusters }, () => []);
  const seen = new Set<number>();
  const edges: NetworkInput['edges'] = [];
  const perNode = m / Math.max(1, n - 1);
  for (let v = 1; v < n && edges.length < m; v++) {
    const want = Math.floor(perNode) + (random() < perNode - Math.floor(perNode) ? 1 : 0);
    for (let t = 0, tries = 0; t < want && tries < 20 * want; tries++) {
      const own = clusterPool[clusterOf[v]];
      const pool = own.length > 0 && random() < 0.8 ? own : globalPool;
      const u = pool.length > 0 ? pool[Math.floor(random() * pool.length)] : Math.floor(random() * v);
      const key = Math.min(u, v) * n + Math.max(u, v);
      if (u === v || seen.has(key)) continue;
      seen.add(key);
      edges.push({ source: nodes[u], target: nodes[v] });
      for (const x of [u, v]) {
        globalPool.push(x);
        clusterPool[clusterOf[x]].push(x);
      }
      t++;
    }
    if (clusterPool[clusterOf[v]].length === 0) clusterPool[clusterOf[v]].push(v);
  }
  return { nodes, edges };
}

interface Row {
  metric: string;
  cold?: number;
  warm?: number;
  warmCpu?: number;
  parallel?: number;
  parallelCpu?: number;
  graphology?: number | string;
  networkx?: number;
  networkxNote?: string;
  diff?: number;
}

/** Wall-clock seconds, CPU seconds of the whole process (all threads), result. */
function time<T>(fn: () => T): [number, number, T] {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const result = fn();
  const used = process.cpuUsage(cpu);
  return [Number(process.hrtime.bigint() - start) / 1e9, (used.user + used.system) / 1e6, result];
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<[number, number, T]> {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const result = await fn();
  const used = process.cpuUsage(cpu);
  return [Number(process.hrtime.bigint() - start) / 1e9, (used.user + used.system) / 1e6, result];
}

function maxDiff(ours: Scores, theirs: Record<string, number | null> | undefined): number | undefined {
  if (!theirs) return undefined;
  let max = 0;
  for (const [id, value] of Object.entries(theirs)) {
    const mine = ours.get(id);
    if (value === null) {
      if (!Number.isNaN(mine)) return Infinity;
      continue;
    }
    max = Math.max(max, Math.abs((mine ?? NaN) - value));
  }
  return max;
}

async function main(): Promise<void> {
  const input = generate(N, M, SEED);
  const csr = buildCsr(input);
  const degrees = Array.from({ length: csr.n }, (_, v) => csr.offsets[v + 1] - csr.offsets[v]);
  const components = connectedComponents(input);
  console.log(`graph: ${csr.n} nodes, ${csr.edgeCount} edges, max degree ${Math.max(...degrees)}, ` +
    `${components.length} component(s), largest ${components[0].length}; seed ${SEED}`);
  console.log(`machine: ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}, node ${process.version}`);

  const rows: Row[] = [];
  const results = new Map<string, Scores>();
  const measure = (metric: string, fn: () => unknown, repeat = true): Row => {
    const [cold, , value] = time(fn);
    const row: Row = { metric, cold };
    if (repeat) [row.warm, row.warmCpu] = time(fn);
    if (value instanceof Map) results.set(metric, value as Scores);
    rows.push(row);
    return row;
  };

  measure('build CSR', () => buildCsr(input));
  measure('degree', () => degreeCentrality(input));
  measure('density', () => density(input));
  measure('components', () => connectedComponents(input));
  measure('closeness', () => closenessCentrality(input));
  const betweennessRow = measure('betweenness', () => betweennessCentrality(input));
  [betweennessRow.parallel, betweennessRow.parallelCpu] = await timeAsync(() => betweennessCentralityParallel(input));
  measure(`betweenness k=${NX_SOURCES}`, () => betweennessCentrality(input, { k: NX_SOURCES, seed: 0 }));
  measure('eigenvector', () => eigenvectorCentrality(input));
  measure('pagerank', () => pagerank(input));
  measure('constraint', () => constraint(input));
  measure('effective size', () => effectiveSize(input));
  let ourLouvain = NaN;
  measure('louvain', () => {
    ourLouvain = louvain(input, { seed: 1 }).modularity;
  });

  if (!flag('skip-graphology')) {
    const graph = toGraphology(input);
    const g = (metric: string, fn: () => unknown) => {
      const row = rows.find((r) => r.metric === metric)!;
      try {
        row.graphology = time(fn)[0];
      } catch (error) {
        row.graphology = (error as Error).message.includes('converge') ? 'no conv.' : 'error';
      }
    };
    g('degree', () => degreeGraphology(graph));
    g('density', () => densityGraphology(graph));
    g('closeness', () => closenessGraphology(graph, { wassermanFaust: true }));
    g('betweenness', () => betweennessGraphology(graph, { getEdgeWeight: null }));
    g('eigenvector', () => eigenvectorGraphology(graph, { getEdgeWeight: null }));
    g('pagerank', () => pagerankGraphology(graph, { getEdgeWeight: null }));
  }

  let networkxLouvain = NaN;
  if (!flag('skip-networkx')) {
    const dir = mkdtempSync(path.join(tmpdir(), 'agencement-bench-'));
    try {
      const graphFile = path.join(dir, 'graph.json');
      const resultFile = path.join(dir, 'networkx.json');
      writeFileSync(graphFile, JSON.stringify(input));
      const pyArgs = [path.join(__dirname, 'networkx_reference.py'), '--bench', graphFile, '--out', resultFile,
        '--sources', String(NX_SOURCES)];
      if (flag('networkx-full')) pyArgs.push('--full');
      if (flag('skip-networkx-betweenness')) pyArgs.push('--skip-betweenness');
      console.log(`running: python3 ${pyArgs.map((a) => path.relative(process.cwd(), a) || a).join(' ')}`);
      execFileSync('python3', pyArgs, { stdio: 'inherit', maxBuffer: 1 << 30 });
      const nx = JSON.parse(readFileSync(resultFile, 'utf8')) as {
        networkx: string;
        timings: Record<string, number>;
        notes: Record<string, string>;
        values: Record<string, unknown>;
      };
      console.log(`networkx ${nx.networkx}`);
      const link = (metric: string, key: string, valueKey?: string, values?: Record<string, number | null>) => {
        const row = rows.find((r) => r.metric === metric)!;
        row.networkx = nx.timings[key];
        if (nx.notes[key]) row.networkxNote = nx.notes[key];
        const reference = values ?? (valueKey ? (nx.values[valueKey] as Record<string, number | null>) : undefined);
        row.diff = maxDiff(results.get(metric) ?? new Map(), reference);
      };
      link('degree', 'degree', 'degree');
      link('density', 'density');
      rows.find((r) => r.metric === 'density')!.diff = Math.abs(density(input) - (nx.values.density as number));
      link('components', 'components');
      link('closeness', 'closeness', nx.values.closeness ? 'closeness' : undefined,
        nx.values.closeness_subset as Record<string, number> | undefined);
      if (nx.timings.betweenness !== undefined) {
        const sampled = nx.values.betweenness_sampled as { values: Record<string, number> } | undefined;
        link('betweenness', 'betweenness', nx.values.betweenness ? 'betweenness' : undefined);
        if (sampled) {
          const row = rows.find((r) => r.metric === `betweenness k=${NX_SOURCES}`)!;
          row.diff = maxDiff(results.get(row.metric)!, sampled.values);
          row.networkx = nx.timings.betweenness * (NX_SOURCES / N);
        }
      }
      link('eigenvector', 'eigenvector', 'eigenvector');
      link('pagerank', 'pagerank', 'pagerank');
      link('constraint', 'constraint', 'constraint');
      link('effective size', 'effective_size', 'effective_size');
      link('louvain', 'louvain');
      networkxLouvain = nx.values.louvain_modularity as number;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  printTable(rows);
  console.log(`louvain modularity: ours (graphology-communities-louvain) ${ourLouvain.toFixed(4)}, networkx ${networkxLouvain.toFixed(4)}`);
  console.log('ours cold = first call in this process (includes JIT warm-up), warm = second call, (cpu s) = CPU time of ' +
    `all threads, which contention does not inflate; parallel = ${availableParallelism()} worker threads; ratios use ` +
    'our best wall time; ~ = extrapolated from sampled sources; max|Δ| = largest difference from NetworkX ' +
    '(eigenvector/pagerank: NetworkX stops at its default tol 1e-6).');
  console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}

function printTable(rows: Row[]): void {
  const s = (x: number | undefined) => (x === undefined ? '' : x < 0.01 ? x.toFixed(4) : x < 10 ? x.toFixed(3) : x.toFixed(1));
  const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || b === 0 ? '' : `${(a / b).toFixed(1)}x`);
  const header = ['metric', 'ours cold s', 'ours warm s', '(cpu s)', 'parallel s', '(cpu s)', 'graphology s', 'networkx s',
    'nx/ours', 'graphology/ours', 'max|Δ| vs nx'];
  const lines = rows.map((r) => {
    const best = Math.min(r.warm ?? Infinity, r.parallel ?? Infinity, r.cold ?? Infinity);
    const gl = typeof r.graphology === 'number' ? r.graphology : undefined;
    return [
      r.metric, s(r.cold), s(r.warm), s(r.warmCpu), s(r.parallel), s(r.parallelCpu), typeof r.graphology === 'string' ? r.graphology : s(gl),
      r.networkx === undefined ? '' : `${r.networkxNote ? '~' : ''}${s(r.networkx)}`,
      ratio(r.networkx, best), ratio(gl, best), r.diff === undefined ? '' : r.diff.toExponential(1),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log(fmt(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const line of lines) console.log(fmt(line));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
