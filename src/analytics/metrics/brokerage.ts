import { buildCsr, type MetricOptions, type NetworkInput } from './graph';

/**
 * Gould and Fernandez (1989) brokerage role counts of a broker v, over the open two-paths
 * a → v → b (a ≠ b, no arc a → b), named after the groups of a, v and b:
 * - `coordinator` (sna `w_I`): a, v, b in one group;
 * - `itinerant` (sna `w_O`, "consultant"): a and b in one group, v in another;
 * - `representative` (sna `b_IO`): v in a's group, b elsewhere — v speaks for its group;
 * - `gatekeeper` (sna `b_OI`): v in b's group, a elsewhere — v lets outsiders in;
 * - `liaison` (sna `b_O`): three different groups;
 * - `total` (sna `t`): the sum of the five.
 */
export interface BrokerageRoles {
  coordinator: number;
  itinerant: number;
  gatekeeper: number;
  representative: number;
  liaison: number;
  total: number;
}

/**
 * Brokerage role counts per node, as the raw counts (`raw.nli`) of R `sna::brokerage(g, cl)`:
 * every directed two-path a → v → b of the simple digraph with a ≠ b and no arc a → b is counted
 * once for v, by the classification of {@link BrokerageRoles} (checked in that order, as sna's C
 * code does). An undirected input (the default) counts each tie as two arcs, so every open
 * two-path is counted in both directions (as sna does on a symmetric matrix).
 *
 * `groupOf` maps node ids to group labels. A two-path through a node without a group is counted in
 * no role (sna would treat all NA labels as one group: give them an explicit label to get that).
 * `weighted` has no effect.
 */
export function brokerage(
  input: NetworkInput,
  groupOf: Map<string, string>,
  opts: MetricOptions = {},
): Map<string, BrokerageRoles> {
  const csr = buildCsr(input, { directed: opts.directed });
  const { n, offsets, targets } = csr;
  const group = groupIndices(csr.ids, groupOf);
  const counts = new Float64Array(n * 5); // per broker: coordinator, itinerant, representative, gatekeeper, liaison
  const stamp = new Int32Array(n).fill(-1); // stamp[b] === a when a → b
  for (let a = 0; a < n; a++) {
    for (let e = offsets[a]; e < offsets[a + 1]; e++) stamp[targets[e]] = a;
    const ga = group[a];
    for (let e = offsets[a]; e < offsets[a + 1]; e++) {
      const v = targets[e];
      const gv = group[v];
      for (let f = offsets[v]; f < offsets[v + 1]; f++) {
        const b = targets[f];
        if (b === a || stamp[b] === a) continue;
        const gb = group[b];
        if (ga < 0 || gv < 0 || gb < 0) continue;
        let role: number;
        if (gv === ga) role = gv === gb ? 0 : 2;
        else if (gv === gb) role = 3;
        else if (ga === gb) role = 1;
        else role = 4;
        counts[v * 5 + role]++;
      }
    }
  }
  const result = new Map<string, BrokerageRoles>();
  for (let v = 0; v < n; v++) {
    const c = counts.subarray(v * 5, v * 5 + 5);
    result.set(csr.ids[v], {
      coordinator: c[0], itinerant: c[1], representative: c[2], gatekeeper: c[3], liaison: c[4],
      total: c[0] + c[1] + c[2] + c[3] + c[4],
    });
  }
  return result;
}

/** Small integer per distinct label; −1 for a node without a group. */
export function groupIndices(ids: readonly string[], groupOf: Map<string, string>): Int32Array {
  const labels = new Map<string, number>();
  const group = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const label = groupOf.get(ids[i]);
    if (label === undefined) {
      group[i] = -1;
      continue;
    }
    let index = labels.get(label);
    if (index === undefined) labels.set(label, (index = labels.size));
    group[i] = index;
  }
  return group;
}
