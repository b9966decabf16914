import { mulberry32 } from '../../common/random';
import louvainCommunities from 'graphology-communities-louvain';
import { groupIndices } from './brokerage';
import { buildCsr, csrToGraphology, type MetricOptions, type NetworkInput } from './graph';

/**
 * Modularity Q of a partition as `nx.community.modularity(G, communities, resolution)`:
 * undirected Σ_c [L_c/m − γ (d_c / 2m)²], directed Σ_c [L_c/m − γ d_c^out d_c^in / m²], with L_c the
 * (merged, when `weighted`) weight of the ties inside c, d_c the degree sums and m the total
 * weight. `partition` maps node ids to community labels; a node missing from it is a community of
 * its own (NetworkX refuses anything but a full partition). Without ties Q is undefined: NaN
 * (NetworkX raises ZeroDivisionError).
 */
export function modularity(
  input: NetworkInput,
  partition: Map<string, string>,
  opts: MetricOptions & { resolution?: number } = {},
): number {
  const csr = buildCsr(input, opts);
  const { n, offsets, targets, weights, directed } = csr;
  const labelled = groupIndices(csr.ids, partition);
  let next = labelled.reduce((max, c) => Math.max(max, c + 1), 0);
  const community = labelled.map((c) => (c < 0 ? next++ : c));
  const inside = new Float64Array(next);
  const outSum = new Float64Array(next);
  const inSum = new Float64Array(next);
  let total = 0; // m (directed) or 2m (undirected)
  for (let u = 0; u < n; u++) {
    const cu = community[u];
    for (let e = offsets[u]; e < offsets[u + 1]; e++) {
      const w = weights[e];
      const cv = community[targets[e]];
      total += w;
      outSum[cu] += w;
      inSum[cv] += w;
      if (cu === cv) inside[cu] += w;
    }
  }
  if (total === 0) return NaN;
  const resolution = opts.resolution ?? 1;
  // An undirected tie is two arcs: `inside` and `total` both count it twice, so L_c/m = inside/total.
  const m = directed ? total : total / 2;
  let q = 0;
  for (let c = 0; c < next; c++) {
    const within = directed ? inside[c] / m : inside[c] / 2 / m;
    q += within - (resolution * outSum[c] * inSum[c]) / (total * total);
  }
  return q;
}

/** Options of {@link louvain}. */
export interface LouvainOptions extends MetricOptions {
  resolution?: number;
  /** Seed of the random node order; the same seed gives the same communities. Default 1. */
  seed?: number;
}

/**
 * Louvain communities (graphology-communities-louvain, with a seeded PRNG so that results are
 * reproducible). Communities are renumbered 0, 1, … from the largest (ties: the one holding the
 * earliest node). `modularity` is {@link modularity} of that partition, i.e. NetworkX's value
 * (NaN without ties, where every node is its own community). NetworkX's `louvain_communities`
 * uses another random order, so the partitions themselves may differ from NetworkX's.
 */
export function louvain(
  input: NetworkInput,
  opts: LouvainOptions = {},
): { communities: Map<string, number>; modularity: number } {
  const csr = buildCsr(input, opts);
  const graph = csrToGraphology(csr);
  const found = louvainCommunities(graph, {
    getEdgeWeight: csr.weighted ? 'weight' : null,
    resolution: opts.resolution ?? 1,
    rng: mulberry32(opts.seed ?? 1),
  });
  const raw = csr.ids.map((id) => found[id]);
  const size = new Map<number, number>();
  const first = new Map<number, number>();
  raw.forEach((c, i) => {
    size.set(c, (size.get(c) ?? 0) + 1);
    if (!first.has(c)) first.set(c, i);
  });
  const ranked = [...size.keys()].sort((a, b) => size.get(b)! - size.get(a)! || first.get(a)! - first.get(b)!);
  const rank = new Map(ranked.map((c, i) => [c, i]));
  const communities = new Map<string, number>();
  const partition = new Map<string, string>();
  csr.ids.forEach((id, i) => {
    const c = rank.get(raw[i])!;
    communities.set(id, c);
    partition.set(id, String(c));
  });
  return { communities, modularity: modularity(input, partition, opts) };
}

export { mulberry32 };
