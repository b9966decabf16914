import { buildCsr, type MetricOptions, type NetworkInput } from './graph';

/**
 * Density as `nx.density`: m / (n(n − 1)) on a digraph, twice that on an undirected graph, counting
 * the ties of the analysed simple graph; 0 with no tie or fewer than two nodes. `weighted` has no
 * effect.
 */
export function density(input: NetworkInput, opts: MetricOptions = {}): number {
  const csr = buildCsr(input, { directed: opts.directed });
  const n = csr.n;
  const m = csr.edgeCount;
  if (m === 0 || n <= 1) return 0;
  return (csr.directed ? 1 : 2) * (m / (n * (n - 1)));
}

/**
 * Connected components of the undirected graph (weak components, whatever the ties' directions),
 * largest first, ties broken by the earliest node; nodes of a component in input order.
 */
export function connectedComponents(input: NetworkInput): string[][] {
  const csr = buildCsr(input);
  const { n, offsets, targets } = csr;
  const component = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const sizes: number[] = [];
  for (let s = 0; s < n; s++) {
    if (component[s] >= 0) continue;
    const c = sizes.length;
    component[s] = c;
    queue[0] = s;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = queue[head++];
      for (let e = offsets[v]; e < offsets[v + 1]; e++) {
        const w = targets[e];
        if (component[w] < 0) {
          component[w] = c;
          queue[tail++] = w;
        }
      }
    }
    sizes.push(tail);
  }
  const members: string[][] = sizes.map(() => []);
  for (let v = 0; v < n; v++) members[component[v]].push(csr.ids[v]);
  // Components are numbered by their earliest node, so a stable sort by size keeps that tie-break.
  return members.sort((a, b) => b.length - a.length);
}
