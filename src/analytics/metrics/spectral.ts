import { buildCsr, type MetricOptions, type NetworkInput, type Scores, toScores } from './graph';

/** Convergence controls of the power iterations below. */
export interface PowerIterationOptions {
  /** Stop when Σ|x − x_prev| < n · tol. Default 1e-12, much tighter than NetworkX's 1e-6. */
  tol?: number;
  /** Iterations allowed before giving up. */
  maxIter?: number;
}

/** A power iteration that did not reach even NetworkX's tolerance (NetworkX: PowerIterationFailedConvergence). */
export class NotConvergedError extends Error {
  constructor(readonly metric: 'eigenvector' | 'pagerank', readonly iterations: number) {
    super(`${metric} centrality did not converge in ${iterations} iterations`);
    this.name = 'NotConvergedError';
  }
}

/** NetworkX's own stopping rule: a result within it is accepted if `tol` was not reached. */
const NETWORKX_TOL = 1e-6;

/**
 * Eigenvector centrality as `nx.eigenvector_centrality`: the power iteration x ← (A + I)ᵀx from the
 * uniform vector, normalized to unit Euclidean norm, so the limit is the principal (left, i.e. by
 * in-ties on a digraph) eigenvector of A. NetworkX stops at Σ|Δx| < n·1e-6, which leaves its values
 * up to ~1e-6 away from that eigenvector; this iterates to n·`tol` (default 1e-12) so that both
 * agree to 1e-6. With `weighted`, merged weights are the matrix entries, divided by the largest:
 * the limit is the same eigenvector, but the +I shift keeps its effect, so heavy weights (amounts
 * in euros on a bipartite funder network) do not make the iteration oscillate. An empty graph gives an
 * empty map (NetworkX raises). Throws if not converged within `maxIter` (default 10000) iterations
 * even to NetworkX's tolerance ({@link NotConvergedError}).
 */
export function eigenvectorCentrality(
  input: NetworkInput,
  opts: MetricOptions & PowerIterationOptions = {},
): Scores {
  const csr = buildCsr(input, opts);
  const { n, inOffsets, inSources } = csr;
  const inWeights = unitScaled(csr.inWeights);
  const tol = opts.tol ?? 1e-12;
  const maxIter = opts.maxIter ?? 10000;
  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  let error = Infinity;
  for (let iter = 0; iter < maxIter && n > 0; iter++) {
    let squares = 0;
    for (let v = 0; v < n; v++) {
      let sum = x[v];
      for (let e = inOffsets[v]; e < inOffsets[v + 1]; e++) sum += x[inSources[e]] * inWeights[e];
      next[v] = sum;
      squares += sum * sum;
    }
    const norm = Math.sqrt(squares) || 1;
    error = 0;
    for (let v = 0; v < n; v++) {
      next[v] /= norm;
      error += Math.abs(next[v] - x[v]);
    }
    [x, next] = [next, x];
    if (error < n * tol) break;
  }
  if (n > 0 && !(error < n * tol) && !(error < n * NETWORKX_TOL)) {
    throw new NotConvergedError('eigenvector', maxIter);
  }
  return toScores(csr, x);
}

/** The weights divided by the largest one (unchanged when all are 0 or 1). */
function unitScaled(weights: Float64Array): Float64Array {
  let max = 0;
  for (let i = 0; i < weights.length; i++) if (weights[i] > max) max = weights[i];
  return max === 0 || max === 1 ? weights : weights.map((w) => w / max);
}

/**
 * PageRank as `nx.pagerank(G, alpha)`: an undirected tie is a pair of opposite arcs, each node's
 * out-arcs share its rank in proportion to their (merged, when `weighted`) weights, and the rank of
 * dangling nodes (no out-arc) is spread uniformly, as NetworkX does without a `dangling` vector.
 * Iterates to Σ|Δx| < n·`tol` (default 1e-12; NetworkX stops at 1e-6) so values match NetworkX's
 * exact fixed point to 1e-6 and better. Throws {@link NotConvergedError} if not converged within
 * `maxIter` (default 1000) even to NetworkX's tolerance (only non-finite ranks do that, as α < 1).
 */
export function pagerank(
  input: NetworkInput,
  opts: MetricOptions & PowerIterationOptions & { alpha?: number } = {},
): Scores {
  const csr = buildCsr(input, opts);
  const { n, offsets, weights, inOffsets, inSources, inWeights } = csr;
  const alpha = opts.alpha ?? 0.85;
  const tol = opts.tol ?? 1e-12;
  const maxIter = opts.maxIter ?? 1000;
  const outWeight = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    for (let e = offsets[u]; e < offsets[u + 1]; e++) outWeight[u] += weights[e];
  }
  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  const share = new Float64Array(n); // x[u] / outWeight[u]
  let error = Infinity;
  for (let iter = 0; iter < maxIter && n > 0; iter++) {
    let dangling = 0;
    for (let u = 0; u < n; u++) {
      if (outWeight[u] === 0) {
        dangling += x[u];
        share[u] = 0;
      } else {
        share[u] = x[u] / outWeight[u];
      }
    }
    const base = (alpha * dangling) / n + (1 - alpha) / n;
    error = 0;
    for (let v = 0; v < n; v++) {
      let sum = 0;
      for (let e = inOffsets[v]; e < inOffsets[v + 1]; e++) sum += share[inSources[e]] * inWeights[e];
      next[v] = alpha * sum + base;
      error += Math.abs(next[v] - x[v]);
    }
    [x, next] = [next, x];
    if (error < n * tol) break;
  }
  if (n > 0 && !(error < n * tol) && !(error < n * NETWORKX_TOL)) {
    throw new NotConvergedError('pagerank', maxIter);
  }
  return toScores(csr, x);
}
