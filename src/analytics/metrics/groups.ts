import { groupIndices } from './brokerage';
import { buildCsr, type MetricOptions, type NetworkInput } from './graph';

/**
 * Krackhardt and Stern's E-I index (E − I) / (E + I): E counts the ties of the analysed simple
 * graph between two groups, I those within one; −1 is all internal, +1 all external. An undirected
 * tie counts once, an arc on a digraph once; with `weighted`, ties count their merged weight.
 * Ties touching a node without a group are left out. With no tie left the index is undefined: NaN.
 */
export function eiIndex(input: NetworkInput, groupOf: Map<string, string>, opts: MetricOptions = {}): number {
  const csr = buildCsr(input, opts);
  const group = groupIndices(csr.ids, groupOf);
  let external = 0;
  let internal = 0;
  for (let u = 0; u < csr.n; u++) {
    for (let e = csr.offsets[u]; e < csr.offsets[u + 1]; e++) {
      const v = csr.targets[e];
      if ((!csr.directed && v < u) || group[u] < 0 || group[v] < 0) continue;
      if (group[u] === group[v]) internal += csr.weights[e];
      else external += csr.weights[e];
    }
  }
  return (external - internal) / (external + internal);
}

/**
 * Blau's heterogeneity index 1 − Σₖ pₖ² of a multiset of group labels (pₖ the share of label k):
 * 0 when everyone is in one group (or the set is empty), approaching 1 with many even groups.
 */
export function blau(groups: Iterable<string>): number {
  const counts = new Map<string, number>();
  let total = 0;
  for (const label of groups) {
    counts.set(label, (counts.get(label) ?? 0) + 1);
    total++;
  }
  if (total === 0) return 0;
  let sumSquares = 0;
  for (const count of counts.values()) sumSquares += (count / total) ** 2;
  return 1 - sumSquares;
}
