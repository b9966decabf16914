import Graph from 'graphology';

/**
 * A network as the API hands it to the metrics: node ids (their order is the index order used
 * everywhere below) and ties between them. Ties may repeat, go both ways or be self-loops: the
 * analysed graph is derived from them by {@link buildCsr}.
 */
export interface NetworkInput {
  nodes: string[];
  edges: Array<{ source: string; target: string; weight?: number | null }>;
}

/**
 * How the input is turned into the analysed graph.
 * - default: the UNDIRECTED SIMPLE graph — parallel ties merged, self-loops dropped, unweighted —
 *   so that every score equals NetworkX's on `nx.Graph(edges)`.
 * - `directed`: the simple digraph (parallel same-direction ties merged, self-loops dropped).
 * - `weighted`: the weight of a merged tie is the sum of the merged weights (a missing weight
 *   counts as 1, a weight of 0 is kept as 0); every given weight must be finite and ≥ 0. Whether a
 *   weight is a strength or a length is each metric's to say; length metrics refuse 0 (see
 *   {@link requirePositiveLengths}).
 */
export interface MetricOptions {
  directed?: boolean;
  weighted?: boolean;
}

/** Node id → score, in the input's node order. */
export type Scores = Map<string, number>;

/**
 * The analysed graph in compressed sparse row form. Row `v` of the out-adjacency is
 * `targets[offsets[v] .. offsets[v + 1])`, sorted by target index, with the merged weight of each
 * arc in `weights` (1 when unweighted). An undirected edge is stored as two arcs, and the
 * in-adjacency arrays are then the very same arrays as the out-adjacency ones.
 */
export interface Csr {
  readonly n: number;
  readonly ids: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  readonly directed: boolean;
  readonly weighted: boolean;
  /** Edges of the analysed simple graph: an undirected edge counts once. */
  readonly edgeCount: number;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly weights: Float64Array;
  readonly inOffsets: Int32Array;
  readonly inSources: Int32Array;
  readonly inWeights: Float64Array;
}

/**
 * Builds the analysed graph of `input` (see {@link MetricOptions}) as a {@link Csr}.
 * Ties whose source or target is not in `input.nodes` are ignored: the network of a scope is its
 * actors and the ties among them. Duplicate node ids are an error.
 */
export function buildCsr(input: NetworkInput, opts: MetricOptions = {}): Csr {
  const directed = opts.directed === true;
  const weighted = opts.weighted === true;
  const ids = input.nodes.slice();
  const n = ids.length;
  const indexOf = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    if (indexOf.has(ids[i])) throw new RangeError(`duplicate node id "${ids[i]}"`);
    indexOf.set(ids[i], i);
  }

  // Arcs as given (both directions for an undirected tie), before merging.
  const capacity = input.edges.length * (directed ? 1 : 2);
  const src = new Int32Array(capacity);
  const dst = new Int32Array(capacity);
  const wt = new Float64Array(capacity);
  let arcs = 0;
  for (const edge of input.edges) {
    const u = indexOf.get(edge.source);
    const v = indexOf.get(edge.target);
    if (u === undefined || v === undefined || u === v) continue;
    const w = weighted ? checkedWeight(edge) : 1;
    src[arcs] = u; dst[arcs] = v; wt[arcs] = w; arcs++;
    if (!directed) { src[arcs] = v; dst[arcs] = u; wt[arcs] = w; arcs++; }
  }

  const out = compress(n, src.subarray(0, arcs), dst.subarray(0, arcs), wt.subarray(0, arcs), weighted);
  const inAdj = directed ? transpose(n, out.offsets, out.targets, out.weights) : out;
  return {
    n, ids, indexOf, directed, weighted,
    edgeCount: directed ? out.targets.length : out.targets.length / 2,
    offsets: out.offsets, targets: out.targets, weights: out.weights,
    inOffsets: inAdj.offsets, inSources: inAdj.targets, inWeights: inAdj.weights,
  };
}

/** A tie weight a metric cannot use; `source`/`target` name the tie. */
export class WeightError extends RangeError {
  constructor(message: string, readonly source: string, readonly target: string, readonly weight: number) {
    super(message);
    this.name = 'WeightError';
  }
}

function checkedWeight(edge: NetworkInput['edges'][number]): number {
  const w = edge.weight ?? 1;
  if (!Number.isFinite(w) || w < 0) {
    throw new WeightError(`weight of tie ${edge.source} -> ${edge.target} must be finite and ≥ 0, got ${w}`, edge.source, edge.target, w);
  }
  return w;
}

/**
 * For metrics that read a weight as a LENGTH (closeness, betweenness): every merged tie must be
 * longer than 0, since a zero-length tie makes shortest-path counts undefined (zero-length cycles).
 */
export function requirePositiveLengths(csr: Csr, metric: string): void {
  if (!csr.weighted) return;
  for (let u = 0; u < csr.n; u++) {
    for (let e = csr.offsets[u]; e < csr.offsets[u + 1]; e++) {
      if (!(csr.weights[e] > 0)) {
        const source = csr.ids[u];
        const target = csr.ids[csr.targets[e]];
        throw new WeightError(
          `${metric} reads weights as lengths, and the tie ${source} -> ${target} has weight 0 (no length)`,
          source, target, csr.weights[e],
        );
      }
    }
  }
}

interface Rows { offsets: Int32Array; targets: Int32Array; weights: Float64Array }

/** Sorts arcs by (source, target) with two stable counting sorts, then merges repeated arcs. */
function compress(n: number, src: Int32Array, dst: Int32Array, wt: Float64Array, sumWeights: boolean): Rows {
  const m = src.length;
  const byTarget = countingOrder(n, dst, null);
  const order = countingOrder(n, src, byTarget);
  const offsets = new Int32Array(n + 1);
  const targets = new Int32Array(m);
  const weights = new Float64Array(m);
  let k = 0;
  let prevU = -1;
  let prevV = -1;
  for (let i = 0; i < m; i++) {
    const a = order[i];
    const u = src[a];
    const v = dst[a];
    if (u === prevU && v === prevV) {
      if (sumWeights) weights[k - 1] += wt[a];
      continue;
    }
    targets[k] = v;
    weights[k] = sumWeights ? wt[a] : 1;
    offsets[u + 1]++;
    k++;
    prevU = u; prevV = v;
  }
  for (let v = 0; v < n; v++) offsets[v + 1] += offsets[v];
  return { offsets, targets: targets.slice(0, k), weights: weights.slice(0, k) };
}

/** Stable counting sort of the positions `within` (default 0..m-1) by `key`. */
function countingOrder(n: number, key: Int32Array, within: Int32Array | null): Int32Array {
  const m = key.length;
  const start = new Int32Array(n + 1);
  for (let i = 0; i < m; i++) start[key[i] + 1]++;
  for (let v = 0; v < n; v++) start[v + 1] += start[v];
  const order = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    const a = within === null ? i : within[i];
    order[start[key[a]]++] = a;
  }
  return order;
}

/** In-adjacency of a CSR; rows come out sorted because sources are visited in order. */
function transpose(n: number, offsets: Int32Array, targets: Int32Array, weights: Float64Array): Rows {
  const m = targets.length;
  const inOffsets = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) inOffsets[targets[e] + 1]++;
  for (let v = 0; v < n; v++) inOffsets[v + 1] += inOffsets[v];
  const cursor = inOffsets.slice(0, n);
  const sources = new Int32Array(m);
  const inWeights = new Float64Array(m);
  for (let u = 0; u < n; u++) {
    for (let e = offsets[u]; e < offsets[u + 1]; e++) {
      const slot = cursor[targets[e]]++;
      sources[slot] = u;
      inWeights[slot] = weights[e];
    }
  }
  return { offsets: inOffsets, targets: sources, weights: inWeights };
}

/**
 * The same analysed graph as a graphology instance (simple, no self-loops; a `weight` edge
 * attribute only when `weighted`). Used for graphology-communities-louvain and as the reference
 * the typed-array kernels are tested against.
 */
export function toGraphology(input: NetworkInput, opts: MetricOptions = {}): Graph {
  return csrToGraphology(buildCsr(input, opts));
}

/** {@link toGraphology} for an already built {@link Csr}. */
export function csrToGraphology(csr: Csr): Graph {
  const graph = new Graph({ type: csr.directed ? 'directed' : 'undirected', multi: false, allowSelfLoops: false });
  for (const id of csr.ids) graph.addNode(id);
  for (let u = 0; u < csr.n; u++) {
    for (let e = csr.offsets[u]; e < csr.offsets[u + 1]; e++) {
      const v = csr.targets[e];
      if (!csr.directed && v < u) continue;
      graph.addEdge(csr.ids[u], csr.ids[v], csr.weighted ? { weight: csr.weights[e] } : {});
    }
  }
  return graph;
}

/** Pairs each node id with its value from an index-ordered array. */
export function toScores(csr: Csr, values: ArrayLike<number>): Scores {
  const scores: Scores = new Map();
  for (let i = 0; i < csr.n; i++) scores.set(csr.ids[i], values[i]);
  return scores;
}
