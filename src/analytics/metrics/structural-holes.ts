import { buildCsr, type Csr, type MetricOptions, type NetworkInput, type Scores, toScores } from './graph';

/**
 * Burt's constraint as `nx.constraint`: cᵢ = Σⱼ (pᵢⱼ + Σ_q pᵢ_q p_qⱼ)² over i's neighbours j, where
 * pᵢⱼ is i's share of "mutual weight" aᵢⱼ + aⱼᵢ among all its neighbours (in- and out-neighbours on
 * a digraph, so a reciprocated arc weighs twice). Unweighted ties weigh 1; with `weighted`, the
 * merged weights. An isolate's constraint is undefined: NaN, as in NetworkX (a digraph's sink,
 * with in-ties only, is not an isolate: it gets a value, as from NetworkX's default sparse path;
 * NetworkX's per-node path, `nodes=`, would say NaN).
 */
export function constraint(input: NetworkInput, opts: MetricOptions = {}): Scores {
  const csr = buildCsr(input, opts);
  const { offsets, targets, weights } = mutualAdjacency(csr);
  const n = csr.n;
  const rowSum = rowTotals(offsets, weights, false);
  const share = new Float64Array(n); // p_ij of the current ego i, by j
  const indirect = new Float64Array(n);
  const stamp = new Int32Array(n).fill(-1);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (offsets[i] === offsets[i + 1]) {
      values[i] = NaN;
      continue;
    }
    for (let e = offsets[i]; e < offsets[i + 1]; e++) {
      const j = targets[e];
      stamp[j] = i;
      share[j] = weights[e] / rowSum[i];
      indirect[j] = 0;
    }
    for (let e = offsets[i]; e < offsets[i + 1]; e++) {
      const q = targets[e];
      const viaQ = share[q] / rowSum[q];
      for (let f = offsets[q]; f < offsets[q + 1]; f++) {
        const j = targets[f];
        if (stamp[j] === i) indirect[j] += viaQ * weights[f];
      }
    }
    let sum = 0;
    for (let e = offsets[i]; e < offsets[i + 1]; e++) {
      const j = targets[e];
      const local = share[j] + indirect[j];
      sum += local * local;
    }
    values[i] = sum;
  }
  return toScores(csr, values);
}

/**
 * Burt's effective size as `nx.effective_size`: Σⱼ (1 − Σ_q pᵢ_q m_jq) over i's neighbours j, where
 * p is as in {@link constraint} and m_jq is j's mutual weight with q divided by j's largest mutual
 * weight. On an unweighted undirected graph this is Borgatti's n − 2t/n (t = ties among the n
 * alters), as NetworkX computes it there. Isolates: NaN, as in NetworkX.
 *
 * Matches NetworkX's per-node formula, i.e. the definition. Two NetworkX (≤ 3.6.1) defects are not
 * reproduced: with scipy installed, `nx.effective_size(G)` for all nodes takes a sparse-matrix path
 * that divides by the wrong row maxima on weighted or directed graphs (networkx/networkx PR #8906;
 * unweighted undirected graphs are unaffected), and its per-node path (`nodes=`) returns NaN for a
 * digraph's sinks because it only looks at successors (issue #2661). Here only true isolates are NaN.
 */
export function effectiveSize(input: NetworkInput, opts: MetricOptions = {}): Scores {
  const csr = buildCsr(input, opts);
  const { offsets, targets, weights } = mutualAdjacency(csr);
  const n = csr.n;
  const rowSum = rowTotals(offsets, weights, false);
  const rowMax = rowTotals(offsets, weights, true);
  const redundancy = new Float64Array(n);
  const stamp = new Int32Array(n).fill(-1);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (offsets[i] === offsets[i + 1]) {
      values[i] = NaN;
      continue;
    }
    for (let e = offsets[i]; e < offsets[i + 1]; e++) {
      stamp[targets[e]] = i;
      redundancy[targets[e]] = 0;
    }
    for (let e = offsets[i]; e < offsets[i + 1]; e++) {
      const q = targets[e];
      const piq = weights[e] / rowSum[i];
      for (let f = offsets[q]; f < offsets[q + 1]; f++) {
        const j = targets[f];
        if (stamp[j] === i) redundancy[j] += (piq * weights[f]) / rowMax[j];
      }
    }
    let sum = 0;
    for (let e = offsets[i]; e < offsets[i + 1]; e++) sum += 1 - redundancy[targets[e]];
    values[i] = sum;
  }
  return toScores(csr, values);
}

interface MutualRows { offsets: Int32Array; targets: Int32Array; weights: Float64Array }

/**
 * Undirected rows of mutual weights aᵤᵥ + aᵥᵤ. For an undirected graph that is 2w for each tie; the
 * factor 2 cancels in every share, so the tie weights are used as they are. A pair of mutual weight
 * 0 (weighted ties of weight 0 only) is no neighbour, as in NetworkX, whose sparse adjacency holds
 * no zero entry: a tie of no strength neither constrains nor adds to an ego network.
 */
function mutualAdjacency(csr: Csr): MutualRows {
  return withoutZeroWeights(csr.directed ? mergeInAndOut(csr) : { offsets: csr.offsets, targets: csr.targets, weights: csr.weights });
}

function withoutZeroWeights(rows: MutualRows): MutualRows {
  if (rows.weights.every((w) => w > 0)) return rows;
  const n = rows.offsets.length - 1;
  const offsets = new Int32Array(n + 1);
  const targets = new Int32Array(rows.targets.length);
  const weights = new Float64Array(rows.weights.length);
  let k = 0;
  for (let v = 0; v < n; v++) {
    for (let e = rows.offsets[v]; e < rows.offsets[v + 1]; e++) {
      if (rows.weights[e] > 0) {
        targets[k] = rows.targets[e];
        weights[k++] = rows.weights[e];
      }
    }
    offsets[v + 1] = k;
  }
  return { offsets, targets: targets.slice(0, k), weights: weights.slice(0, k) };
}

function mergeInAndOut(csr: Csr): MutualRows {
  const { n, offsets, targets, weights, inOffsets, inSources, inWeights } = csr;
  const mOffsets = new Int32Array(n + 1);
  const mTargets = new Int32Array(targets.length * 2);
  const mWeights = new Float64Array(targets.length * 2);
  let k = 0;
  for (let v = 0; v < n; v++) {
    let a = offsets[v];
    let b = inOffsets[v];
    const aEnd = offsets[v + 1];
    const bEnd = inOffsets[v + 1];
    while (a < aEnd || b < bEnd) {
      const ta = a < aEnd ? targets[a] : n;
      const tb = b < bEnd ? inSources[b] : n;
      if (ta === tb) {
        mTargets[k] = ta; mWeights[k] = weights[a++] + inWeights[b++];
      } else if (ta < tb) {
        mTargets[k] = ta; mWeights[k] = weights[a++];
      } else {
        mTargets[k] = tb; mWeights[k] = inWeights[b++];
      }
      k++;
    }
    mOffsets[v + 1] = k;
  }
  return { offsets: mOffsets, targets: mTargets.slice(0, k), weights: mWeights.slice(0, k) };
}

/** Per row, the sum (or the largest) of the weights. */
function rowTotals(offsets: Int32Array, weights: Float64Array, largest: boolean): Float64Array {
  const n = offsets.length - 1;
  const totals = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let acc = 0;
    for (let e = offsets[v]; e < offsets[v + 1]; e++) acc = largest ? Math.max(acc, weights[e]) : acc + weights[e];
    totals[v] = acc;
  }
  return totals;
}
