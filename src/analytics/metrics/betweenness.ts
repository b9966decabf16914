import { buildCsr, type Csr, type MetricOptions, type NetworkInput, requirePositiveLengths, type Scores, toScores } from './graph';
import { brandesAccumulate, type KernelGraph, relabelForLocality } from './kernels';
import { PythonRandom } from './python-random';

/** Options of {@link betweennessCentrality}, named as in `nx.betweenness_centrality`. */
export interface BetweennessOptions extends MetricOptions {
  /** Number of pivot sources to sample (NetworkX's `k`); all nodes when absent or equal to n. */
  k?: number;
  /** Seed of the pivot sampling, as NetworkX's integer `seed`; defaults to 0 (NetworkX: global RNG). */
  seed?: number;
  /** Divide by the number of (s, t) pairs, as NetworkX (default true). */
  normalized?: boolean;
  /** Only `false` (NetworkX's default) is supported. */
  endpoints?: false;
}

/**
 * Betweenness centrality as `nx.betweenness_centrality(G, k, normalized, weight, endpoints=False,
 * seed)` (NetworkX 3.6): Brandes' algorithm on a CSR, BFS when unweighted, Dijkstra with the merged
 * tie weight as LENGTH when `weighted` (NetworkX's `weight=` is a distance: a strong tie is a long
 * one; invert weights first if strength should mean proximity). A weight of 0 is refused
 * ({@link WeightError}): a zero length makes path counts undefined.
 *
 * Rescaling follows NetworkX 3.6: normalized values are divided by (n-1)(n-2) (ordered pairs, so
 * the undirected value equals dividing the unordered count by (n-1)(n-2)/2); unnormalized undirected
 * values are halved. With `k` pivots, NetworkX 3.6 scales the sampled sources by 1/((k-1)(n-2)) and
 * the other nodes by 1/(k(n-2)) (normalized) — earlier releases scaled every node by n/k — and so
 * does this implementation, which also samples the same pivots as NetworkX for the same integer
 * seed and node order (see python-random.ts).
 */
export function betweennessCentrality(input: NetworkInput, opts: BetweennessOptions = {}): Scores {
  const csr = buildCsr(input, opts);
  requirePositiveLengths(csr, 'betweenness');
  const sources = betweennessSources(csr, opts);
  const { graph, position } = kernelGraph(csr);
  const dependencies = new Float64Array(csr.n);
  brandesAccumulate(graph, sources.map((s) => position[s]), dependencies);
  const raw = Float64Array.from(position, (p) => dependencies[p]);
  return toScores(csr, rescaleBetweenness(raw, csr, sources, opts));
}

/**
 * The arrays the Brandes kernel walks for this graph (out-adjacency; lengths only when weighted
 * and not all equal: equal lengths give the same shortest paths as BFS, and NetworkX's float sums
 * of k equal lengths tie exactly when the hop counts tie), renumbered for locality: node v is
 * `position[v]` there.
 */
export function kernelGraph(csr: Csr): { graph: KernelGraph; position: Int32Array } {
  const lengths = csr.weighted && csr.weights.some((w) => w !== csr.weights[0]) ? csr.weights : null;
  return relabelForLocality({ n: csr.n, offsets: csr.offsets, targets: csr.targets, weights: lengths, symmetric: !csr.directed });
}

/** All node indices, or the `k` pivots NetworkX would sample with `seed` (`random.Random(seed).sample`). */
export function betweennessSources(csr: Csr, opts: BetweennessOptions): Int32Array {
  if (opts.endpoints !== undefined && opts.endpoints !== false) {
    throw new RangeError('betweenness with endpoints=true is not supported');
  }
  const n = csr.n;
  if (opts.k === undefined || opts.k === n) return Int32Array.from({ length: n }, (_, i) => i);
  if (!Number.isInteger(opts.k) || opts.k < 1 || opts.k > n) {
    throw new RangeError(`k must be an integer between 1 and the number of nodes (${n}), got ${opts.k}`);
  }
  const all = Array.from({ length: n }, (_, i) => i);
  return Int32Array.from(new PythonRandom(opts.seed ?? 0).sample(all, opts.k));
}

/** NetworkX 3.6's `_rescale` for node betweenness without endpoints; modifies and returns `raw`. */
export function rescaleBetweenness(raw: Float64Array, csr: Csr, sources: Int32Array, opts: BetweennessOptions): Float64Array {
  const normalized = opts.normalized !== false;
  const pairsPerSource = csr.n - 1; // NetworkX's N: a node cannot be its own target
  if (pairsPerSource < 2) return raw;
  const correction = csr.directed ? 1 : 2;
  const sampled = sources.length !== csr.n;
  if (!sampled) {
    const scale = normalized ? 1 / (pairsPerSource * (pairsPerSource - 1)) : 1 / correction;
    if (scale !== 1) for (let i = 0; i < raw.length; i++) raw[i] *= scale;
    return raw;
  }
  const k = sources.length;
  const scaleSource = k > 1
    ? (normalized ? 1 / ((k - 1) * (pairsPerSource - 1)) : pairsPerSource / ((k - 1) * correction))
    : NaN;
  const scaleOther = normalized ? 1 / (k * (pairsPerSource - 1)) : pairsPerSource / (k * correction);
  const isSource = new Uint8Array(csr.n);
  for (const s of sources) isSource[s] = 1;
  for (let i = 0; i < raw.length; i++) raw[i] *= isSource[i] === 1 ? scaleSource : scaleOther;
  return raw;
}
