import type { NetworkInput } from '../../../src/analytics/metrics';
import { mulberry32 } from '../../../src/analytics/metrics/communities';

/**
 * A seeded random multigraph input: `m` ties drawn uniformly (so with repeats, both directions
 * and self-loops), integer weights 1..4 (many equal-length paths), `isolates` extra lonely nodes.
 */
export function randomNetwork(seed: number, n: number, m: number, isolates = 0): NetworkInput {
  const random = mulberry32(seed);
  const pick = (k: number) => Math.floor(random() * k);
  const nodes = Array.from({ length: n + isolates }, (_, i) => `v${i}`);
  const edges = Array.from({ length: m }, () => ({
    source: nodes[pick(n)],
    target: nodes[pick(n)],
    weight: 1 + pick(4),
  }));
  return { nodes, edges };
}
