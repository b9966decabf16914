import type { Context } from '../context';
import { analyticsVersion, loadNetwork } from './network.service';
import { betweennessCentrality, betweennessCentralityParallel, closenessCentrality, constraint, degreeCentrality, eigenvectorCentrality, louvain, pagerank } from './metrics';
import { analyticsCache } from './cache';
import { runMetric } from './metric-errors';
import type { NetworkScope } from './scope.input';
import Graph from 'graphology';
import { EXTERNAL_COLOR, layoutPositions, nodeSize, SECTOR_COLORS } from '../common/drawing';
import type { ExportNetwork } from './formats';

/**
 * The scope's network with every actor's attributes and scores (degree, closeness, betweenness,
 * eigenvector, PageRank, constraint, Louvain community), for Gephi, NetworkX and spreadsheets;
 * with the explorer's drawing of it (see {@link drawingOf}).
 */
export async function exportNetwork(ctx: Context, scope: NetworkScope | null | undefined): Promise<ExportNetwork> {
  const version = await analyticsVersion(ctx, 'export');
  const net = await loadNetwork(ctx, scope, version);
  return analyticsCache.get(`export|${version}|${net.scopeKey}`, () => runMetric(async () => {
    const { input, options } = net;
    const n = input.nodes.length;
    const between = n >= 2000 ? await betweennessCentralityParallel(input, options) : betweennessCentrality(input, options);
    const scores = {
      degree: degreeCentrality(input, options),
      closeness: closenessCentrality(input, options),
      betweenness: between,
      eigenvector: eigenvectorCentrality(input, options),
      pagerank: pagerank(input, options),
      constraint: constraint(input, options),
    };
    const community = n ? louvain(input, { ...options, seed: 42 }).communities : new Map<string, number>();
    const num = (x: number | undefined) => (x == null || !Number.isFinite(x) ? null : x);
    const viz = drawingOf(net.actors, net.edges, between);
    return {
      directed: !!options.directed,
      nodeAttributes: [
        { name: 'kind', type: 'string' },
        { name: 'sector', type: 'string' },
        { name: 'department', type: 'string' },
        { name: 'operations', type: 'string' },
        { name: 'degree', type: 'double' },
        { name: 'closeness', type: 'double' },
        { name: 'betweenness', type: 'double' },
        { name: 'eigenvector', type: 'double' },
        { name: 'pagerank', type: 'double' },
        { name: 'constraint', type: 'double' },
        { name: 'community', type: 'integer' },
      ],
      nodes: net.actors.map((a) => ({
        id: a.id,
        label: a.name,
        attributes: {
          kind: a.kind,
          sector: a.sector,
          department: a.department,
          operations: a.operations.join(';') || null,
          degree: num(scores.degree.get(a.id)),
          closeness: num(scores.closeness.get(a.id)),
          betweenness: num(scores.betweenness.get(a.id)),
          eigenvector: num(scores.eigenvector.get(a.id)),
          pagerank: num(scores.pagerank.get(a.id)),
          constraint: num(scores.constraint.get(a.id)),
          community: community.get(a.id) ?? null,
        },
        viz: viz.get(a.id),
      })),
      edges: net.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, kind: e.kind, weight: e.weight, directed: e.directed, since: e.since, until: e.until })),
    };
  }));
}

/**
 * The explorer's first picture of the network (colour by sector, size by betweenness, its seeded
 * ForceAtlas2 layout, all from src/common/drawing.ts): position, colour and size per actor.
 */
export function drawingOf(
  actors: ReadonlyArray<{ id: string; sector: string }>,
  bonds: ReadonlyArray<{ id: string; source: string; target: string }>,
  scores: ReadonlyMap<string, number>,
): Map<string, NonNullable<ExportNetwork['nodes'][number]['viz']>> {
  const graph = new Graph({ multi: true, type: 'undirected', allowSelfLoops: true });
  for (const a of actors) graph.addNode(a.id, { category: a.sector });
  for (const b of bonds) if (graph.hasNode(b.source) && graph.hasNode(b.target)) graph.addUndirectedEdgeWithKey(b.id, b.source, b.target);
  const positions = layoutPositions(graph);
  const max = Math.max(0, ...actors.map((a) => scores.get(a.id) ?? 0).filter(Number.isFinite));
  return new Map(actors.map((a) => [a.id, {
    ...positions.get(a.id)!,
    size: nodeSize(scores.get(a.id), max, actors.length),
    color: SECTOR_COLORS[a.sector] ?? EXTERNAL_COLOR,
  }]));
}
