import { buildCsr, type MetricOptions, type NetworkInput, requirePositiveLengths, type Scores, toScores, type WeightError } from './graph';
import { distanceSums, relabelForLocality } from './kernels';

/**
 * Degree centrality as `nx.degree_centrality`: degree / (n − 1), where a digraph's degree is
 * in-degree + out-degree (so values can exceed 1, as in NetworkX). Ties are counted, not weighed:
 * `weighted` has no effect. A graph of one node scores 1, as in NetworkX.
 */
export function degreeCentrality(input: NetworkInput, opts: MetricOptions = {}): Scores {
  const csr = buildCsr(input, opts);
  const n = csr.n;
  const values = new Float64Array(n);
  if (n === 1) values[0] = 1;
  if (n > 1) {
    const scale = 1 / (n - 1);
    for (let v = 0; v < n; v++) {
      let degree = csr.offsets[v + 1] - csr.offsets[v];
      if (csr.directed) degree += csr.inOffsets[v + 1] - csr.inOffsets[v];
      values[v] = degree * scale;
    }
  }
  return toScores(csr, values);
}

/**
 * Freeman's degree centralization of the undirected simple graph: Σᵢ (max d − dᵢ) over raw degrees,
 * divided by its largest possible value (n − 1)(n − 2), reached by a star. 1 for a star, 0 when all
 * degrees are equal. Undefined (NaN) for fewer than 3 nodes.
 */
export function degreeCentralization(input: NetworkInput): number {
  const csr = buildCsr(input);
  const n = csr.n;
  if (n < 3) return NaN;
  let max = 0;
  let sum = 0;
  for (let v = 0; v < n; v++) {
    const degree = csr.offsets[v + 1] - csr.offsets[v];
    if (degree > max) max = degree;
    sum += degree;
  }
  return (n * max - sum) / ((n - 1) * (n - 2));
}

/**
 * Closeness centrality as `nx.closeness_centrality(G, wf_improved=True)`: for a node u reaching r
 * other nodes at total distance D, (r / D) · (r / (n − 1)) — Wasserman and Faust's correction, so
 * that nodes of small components do not look central; 0 when u reaches no one. On a digraph the
 * distances are those TO u (NetworkX reverses the graph). With `weighted`, the merged tie weight is
 * a length (NetworkX's `distance=`); a weight of 0 is refused ({@link WeightError}), as for
 * betweenness, so that both length metrics read the same graph.
 */
export function closenessCentrality(input: NetworkInput, opts: MetricOptions = {}): Scores {
  const csr = buildCsr(input, opts);
  requirePositiveLengths(csr, 'closeness');
  const n = csr.n;
  const reached = new Float64Array(n);
  const total = new Float64Array(n);
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const { graph, position } = relabelForLocality({
    n, offsets: csr.inOffsets, targets: csr.inSources, weights: csr.weighted ? csr.inWeights : null,
  });
  distanceSums(graph, all, reached, total);
  const values = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    const r = reached[position[v]];
    const d = total[position[v]];
    if (d > 0 && n > 1) values[v] = (r / d) * (r / (n - 1));
  }
  return toScores(csr, values);
}
