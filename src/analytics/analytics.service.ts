import type { Context } from '../context';
import type { Bond } from '../bonds/bond.type';
import { prefetch } from '../common/prefetch';
import { BadInputError, NotFoundError } from '../errors';
import { dateParam, listParam } from '../common/args';
import { int } from '../db/values';
import { analyticsCache } from './cache';
import { analyticsVersion, loadNetwork, type ScopeNetwork } from './network.service';
import { runMetric } from './metric-errors';
import { CentralityMetric, GroupBy, type NetworkScope } from './scope.input';
import {
  betweennessCentrality,
  betweennessCentralityParallel,
  blau,
  brokerage,
  closenessCentrality,
  connectedComponents,
  constraint,
  degreeCentrality,
  degreeCentralization,
  density,
  effectiveSize,
  eiIndex,
  eigenvectorCentrality,
  louvain,
  modularity,
  pagerank,
  buildCsr,
  type MetricOptions,
  type NetworkInput,
  type Scores,
} from './metrics';

/** Above this many actors, betweenness runs on worker threads (see the README, "Analytics"). */
const PARALLEL_BETWEENNESS_FROM = 2000;
/** Above this many actors, betweenness samples `DEFAULT_SAMPLE` pivots unless `sample` says otherwise. */
export const EXACT_BETWEENNESS_UP_TO = 20000;
const DEFAULT_SAMPLE = 1000;
export const MAX_TOP = 1000;

const finite = (x: number): number => (Number.isFinite(x) ? x : 0);

function checkTop(top: number | null | undefined, def: number): number {
  const n = top ?? def;
  if (!Number.isInteger(n) || n < 1 || n > MAX_TOP) throw new BadInputError(`\`top\` must be between 1 and ${MAX_TOP}; got ${n}`, [{ field: 'top', message: `must be 1..${MAX_TOP}` }]);
  return n;
}

/** Every actor's score on a metric, cached per graph version and scope. */
async function scoresOf(net: ScopeNetwork, metric: CentralityMetric, sample: number | null): Promise<Scores> {
  return analyticsCache.get(`score|${net.version}|${net.scopeKey}|${metric}|${sample ?? ''}`, () => runMetric(async () => {
    const { input, options } = net;
    switch (metric) {
      case CentralityMetric.DEGREE:
        return degreeCentrality(input, options);
      case CentralityMetric.CLOSENESS:
        return closenessCentrality(input, options);
      case CentralityMetric.BETWEENNESS: {
        const n = input.nodes.length;
        const k = sample ?? (n > EXACT_BETWEENNESS_UP_TO ? DEFAULT_SAMPLE : null);
        const opts = { ...options, ...(k != null && k < n ? { k, seed: 42 } : {}) };
        return n >= PARALLEL_BETWEENNESS_FROM ? betweennessCentralityParallel(input, opts) : betweennessCentrality(input, opts);
      }
      case CentralityMetric.EIGENVECTOR:
        return eigenvectorCentrality(input, options);
      case CentralityMetric.PAGERANK:
        return pagerank(input, options);
      case CentralityMetric.CONSTRAINT:
        return constraint(input, options);
      case CentralityMetric.EFFECTIVE_SIZE:
        return effectiveSize(input, options);
    }
  }));
}

/** Sorted, finite scores: highest first, but lowest first for CONSTRAINT (low = spanner). */
function ranked(scores: Scores, metric: CentralityMetric, top: number, ctx: Context) {
  const asc = metric === CentralityMetric.CONSTRAINT;
  const list = [...scores].filter(([, v]) => Number.isFinite(v));
  list.sort((a, b) => (asc ? a[1] - b[1] : b[1] - a[1]) || (a[0] < b[0] ? -1 : 1));
  return list.slice(0, top).map(([id, score], i) => ({ actor: prefetch(ctx.loaders.actor.load(id)), score, rank: i + 1 }));
}

export async function centrality(ctx: Context, metric: CentralityMetric, scope: NetworkScope | null | undefined, top: number | null | undefined, sample: number | null | undefined) {
  const version = await analyticsVersion(ctx, 'centrality');
  const n = checkTop(top, 20);
  if (sample != null && (!Number.isInteger(sample) || sample < 1)) throw new BadInputError('`sample` must be a positive number of pivots', [{ field: 'sample', message: 'must be ≥ 1' }]);
  const net = await loadNetwork(ctx, scope, version);
  return ranked(await scoresOf(net, metric, sample ?? null), metric, n, ctx);
}

/**
 * The `top` actors of lowest Burt constraint among those with at least 2 ties, counting ties in
 * either direction (on a digraph, out-arcs alone would drop an actor that only receives ties).
 */
export function structuralHoleSpanners(input: NetworkInput, options: MetricOptions, top: number): Array<[string, number]> {
  const ties = buildCsr(input);
  const tiesOf = (id: string) => {
    const v = ties.indexOf.get(id)!;
    return ties.offsets[v + 1] - ties.offsets[v];
  };
  return [...constraint(input, options)]
    .filter(([id, v]) => Number.isFinite(v) && tiesOf(id) >= 2)
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, top);
}

/** Group key and label of every actor of a scope under a grouping. */
function groupsOf(net: ScopeNetwork, groupBy: GroupBy): { groupOf: Map<string, string>; label: (g: string) => string } {
  const groupOf = new Map<string, string>();
  for (const a of net.actors) {
    const g = groupBy === GroupBy.SECTOR ? a.sector : groupBy === GroupBy.KIND ? a.kind : groupBy === GroupBy.OPERATION ? (a.operations[0] ?? 'none') : (a.department ?? 'external');
    groupOf.set(a.id, g);
  }
  const names = new Map(net.actors.map((a) => [a.id, a.name]));
  return { groupOf, label: (g) => (groupBy === GroupBy.DEPARTMENT ? (names.get(g) ?? g) : g) };
}

function counts(keys: Iterable<string>, total: number, label: (g: string) => string) {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([group, count]) => ({ group, label: label(group), count, share: total ? count / total : 0 }));
}

/** E and I of a partition over the edges of the analysed graph. */
function tieCounts(net: ScopeNetwork, groupOf: Map<string, string>): { external: number; internal: number } {
  const csr = buildCsr(net.input, { directed: net.options.directed });
  let external = 0;
  let internal = 0;
  for (let v = 0; v < csr.n; v++) {
    for (let e = csr.offsets[v]; e < csr.offsets[v + 1]; e++) {
      const w = csr.targets[e];
      if (!csr.directed && w < v) continue;
      if (groupOf.get(csr.ids[v]) === groupOf.get(csr.ids[w])) internal++;
      else external++;
    }
  }
  return { external, internal };
}

export async function arrangement(ctx: Context, scope: NetworkScope, groupBy: GroupBy) {
  const version = await analyticsVersion(ctx, 'arrangement');
  const net = await loadNetwork(ctx, scope, version);
  const figures = await analyticsCache.get(`arr|${version}|${net.scopeKey}|${groupBy}`, () => runMetric(async () => {
    const { input, options } = net;
    const n = net.actors.length;
    const { groupOf, label } = groupsOf(net, groupBy);
    const tieCount = tieCounts(net, groupOf);
    const components = connectedComponents(input);
    const brokers = brokerage(input, groupOf, options);
    const topBrokers = [...brokers]
      .filter(([, r]) => r.total > 0)
      .sort((a, b) => b[1].total - a[1].total || (a[0] < b[0] ? -1 : 1))
      .slice(0, 10)
      .map(([id, r]) => ({ id, ...r }));
    const csr = buildCsr(input, options);
    const constraints = structuralHoleSpanners(input, options, 10);
    const betweenness = [...(await scoresOf(net, CentralityMetric.BETWEENNESS, null))].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 10);
    const internalActors = net.actors.filter((a) => a.department != null).length;
    return {
      groupBy,
      graphVersion: version,
      actorCount: n,
      bondCount: csr.edgeCount,
      density: finite(density(input, options)),
      blau: blau(groupOf.values()),
      eiIndex: tieCount.external + tieCount.internal ? (tieCount.external - tieCount.internal) / (tieCount.external + tieCount.internal) : 0,
      externalTies: tieCount.external,
      internalTies: tieCount.internal,
      modularity: csr.edgeCount ? finite(modularity(input, groupOf, options)) : 0,
      components: components.length,
      largestComponent: components[0]?.length ?? 0,
      isolates: components.filter((c) => c.length === 1).length,
      centralization: n > 2 ? finite(degreeCentralization(input)) : 0,
      groups: counts(groupOf.values(), n, label),
      sectorMix: counts(net.actors.map((a) => a.sector), n, (g) => g),
      sectorBlau: blau(net.actors.map((a) => a.sector)),
      citizenShare: n ? net.actors.filter((a) => a.sector === 'CITIZENS').length / n : 0,
      internalActors,
      externalActors: n - internalActors,
      topBrokers,
      topSpanners: constraints.map(([id, score], i) => ({ id, score, rank: i + 1 })),
      topBetweenness: betweenness.map(([id, score], i) => ({ id, score, rank: i + 1 })),
    };
  }));
  const load = (id: string) => prefetch(ctx.loaders.actor.load(id));
  return {
    ...figures,
    topBrokers: figures.topBrokers.map(({ id, ...r }) => ({ actor: load(id), ...r })),
    topSpanners: figures.topSpanners.map(({ id, ...s }) => ({ actor: load(id), ...s })),
    topBetweenness: figures.topBetweenness.map(({ id, ...s }) => ({ actor: load(id), ...s })),
  };
}

export async function communities(ctx: Context, scope: NetworkScope | null | undefined, resolution: number | null | undefined) {
  const version = await analyticsVersion(ctx, 'communities');
  const r = resolution ?? 1;
  if (!(r > 0 && r <= 100)) throw new BadInputError('`resolution` must be > 0 and ≤ 100', [{ field: 'resolution', message: 'out of range' }]);
  const net = await loadNetwork(ctx, scope, version);
  const result = await analyticsCache.get(`louvain|${version}|${net.scopeKey}|${r}`, () => runMetric(async () => {
    const { communities: assignment, modularity: q } = net.input.nodes.length ? louvain(net.input, { ...net.options, resolution: r, seed: 42 }) : { communities: new Map<string, number>(), modularity: 0 };
    const members = new Map<number, string[]>();
    for (const [id, c] of assignment) members.set(c, [...(members.get(c) ?? []), id]);
    const groups = [...members.values()].sort((a, b) => b.length - a.length || (a[0] < b[0] ? -1 : 1));
    return { modularity: finite(q), groups };
  }));
  return {
    modularity: result.modularity,
    count: result.groups.length,
    communities: result.groups.map((ids, index) => ({
      index,
      size: ids.length,
      actors: ids.map((id) => prefetch(ctx.loaders.actor.load(id))),
      sectorMix: counts(ids.map((id) => net.byId.get(id)!.sector), ids.length, (g) => g),
    })),
  };
}

/** In-process BFS on the scope's network (scoped paths), or Cypher's shortestPath (whole graph). */
export async function shortestPath(ctx: Context, from: string, to: string, scope: NetworkScope | null | undefined) {
  const version = await analyticsVersion(ctx, 'shortestPath');
  const [ends] = await ctx.db.read('analytics/exists', { ids: [from, to] }).then((rows) => [new Map(rows.map((r) => [r.id, r.found]))]);
  if (!ends.get(from)) throw new NotFoundError('Actor', from);
  if (!ends.get(to)) throw new NotFoundError('Actor', to);
  if (!scope) {
    const [row] = await ctx.db.read('analytics/shortest-path', { from, to, maxHops: int(10) });
    return row?.ids ? (row.ids as string[]).map((id) => prefetch(ctx.loaders.actor.load(id))) : null;
  }
  const net = await loadNetwork(ctx, scope, version);
  if (!net.byId.has(from) || !net.byId.has(to)) return null;
  const adj = new Map<string, string[]>();
  for (const e of net.edges) {
    adj.set(e.source, [...(adj.get(e.source) ?? []), e.target]);
    if (!net.options.directed) adj.set(e.target, [...(adj.get(e.target) ?? []), e.source]);
  }
  const prev = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  while (queue.length && !prev.has(to)) {
    const v = queue.shift()!;
    for (const w of adj.get(v) ?? []) if (!prev.has(w)) (prev.set(w, v), queue.push(w));
  }
  if (!prev.has(to)) return null;
  const path: string[] = [];
  for (let v: string | null = to; v != null; v = prev.get(v) ?? null) path.unshift(v);
  return path.map((id) => prefetch(ctx.loaders.actor.load(id)));
}

export const MAX_SUBGRAPH_NODES = 2000;

/** The actors within `depth` bonds of an actor (BFS, one query per step) and the bonds among them. */
export async function egoNetwork(ctx: Context, actor: string, depth: number, scope: NetworkScope | null | undefined) {
  const version = await analyticsVersion(ctx, 'egoNetwork');
  if (!Number.isInteger(depth) || depth < 1 || depth > 3) throw new BadInputError('`depth` must be 1, 2 or 3', [{ field: 'depth', message: 'must be 1..3' }]);
  const [exists] = await ctx.db.read('analytics/exists', { ids: [actor] });
  if (!exists?.found) throw new NotFoundError('Actor', actor);
  const s = scope ?? {};
  const inScope = scope ? (await loadNetwork(ctx, scope, version)).byId : null;
  const kinds = listParam(s.bondKinds);
  const asOf = dateParam(s.asOf);
  const seen = new Set([actor]);
  let frontier = [actor];
  let truncated = false;
  for (let d = 0; d < depth && frontier.length && !truncated; d++) {
    const rows = await ctx.db.read('analytics/neighbours', { ids: frontier, kinds, asOf });
    frontier = [];
    for (const { id } of rows) {
      if (seen.has(id) || (inScope && !inScope.has(id))) continue;
      if (seen.size >= MAX_SUBGRAPH_NODES) {
        truncated = true;
        break;
      }
      seen.add(id);
      frontier.push(id);
    }
  }
  const ids = [...seen];
  const bonds = await ctx.db.read('analytics/scope-bonds', { ids, kinds, asOf });
  const edgeIds = bonds.filter((b) => seen.has(b.source) && seen.has(b.target)).map((b) => b.id as string);
  return subgraph(ctx, ids, edgeIds, truncated);
}

async function subgraph(ctx: Context, nodeIds: string[], edgeIds: string[], truncated: boolean) {
  const [nodes, edges] = await Promise.all([ctx.loaders.actor.loadMany(nodeIds), ctx.loaders.bond.loadMany(edgeIds)]);
  const bonds = edges.filter((e) => e && !(e instanceof Error)) as Bond[];
  const touched = new Set(bonds.flatMap((b) => [b.fromId, b.toId]));
  const actors = nodes.filter((n) => n && !(n instanceof Error));
  return { nodes: actors, edges: bonds, truncated, actorCount: actors.length, isolates: nodeIds.filter((id) => !touched.has(id)).length };
}

/**
 * The scope's nodes and edges for a front end to draw (capped at MAX_SUBGRAPH_NODES actors). The cap
 * keeps the most connected actors first, so thousands of bondless actors (a partner's import) do
 * not push the bonded ones out; `hideIsolates` leaves actors with no bond in the scope out.
 */
export async function network(ctx: Context, scope: NetworkScope | null | undefined, hideIsolates = false) {
  const version = await analyticsVersion(ctx, 'network');
  const net = await loadNetwork(ctx, scope, version);
  const degree = new Map<string, number>();
  for (const e of net.edges) for (const end of [e.source, e.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
  const isolates = net.actors.length - degree.size;
  const drawable = hideIsolates ? net.actors.filter((a) => degree.has(a.id)) : net.actors;
  const ranked = drawable.length > MAX_SUBGRAPH_NODES ? [...drawable].sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) || (a.id < b.id ? -1 : 1)) : drawable;
  const keep = new Set(ranked.slice(0, MAX_SUBGRAPH_NODES).map((a) => a.id));
  const result = await subgraph(ctx, [...keep], net.edges.filter((e) => keep.has(e.source) && keep.has(e.target)).map((e) => e.id), drawable.length > MAX_SUBGRAPH_NODES);
  return { ...result, actorCount: net.actors.length, isolates };
}
