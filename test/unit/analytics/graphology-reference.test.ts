import betweenness from 'graphology-metrics/centrality/betweenness';
import closeness from 'graphology-metrics/centrality/closeness';
import { degreeCentrality as graphologyDegree } from 'graphology-metrics/centrality/degree';
import eigenvector from 'graphology-metrics/centrality/eigenvector';
import graphologyPagerank from 'graphology-metrics/centrality/pagerank';
import graphologyModularity from 'graphology-metrics/graph/modularity';
import {
  betweennessCentrality,
  closenessCentrality,
  degreeCentrality,
  eigenvectorCentrality,
  modularity,
  pagerank,
  toGraphology,
} from '../../../src/analytics/metrics';
import { expectScores } from './fixtures';
import { randomNetwork } from './random-graphs';

/** The typed-array kernels against graphology-metrics on random graphs, to 1e-9. */
const cases = [
  { name: 'sparse undirected', seed: 1, n: 80, m: 120, isolates: 3, directed: false },
  { name: 'dense undirected', seed: 2, n: 40, m: 300, isolates: 0, directed: false },
  { name: 'sparse directed', seed: 3, n: 80, m: 200, isolates: 2, directed: true },
  { name: 'dense directed', seed: 4, n: 40, m: 500, isolates: 1, directed: true },
];

describe.each(cases)('$name random graph', ({ seed, n, m, isolates, directed }) => {
  const input = randomNetwork(seed, n, m, isolates);

  for (const weighted of [false, true]) {
    const opts = { directed, weighted };
    const graph = toGraphology(input, opts);
    const getEdgeWeight = weighted ? 'weight' : null;

    it(`betweenness (${weighted ? 'Dijkstra' : 'BFS'}), normalized and raw`, () => {
      expectScores(betweennessCentrality(input, opts), betweenness(graph, { getEdgeWeight }), 1e-9);
      expectScores(
        betweennessCentrality(input, { ...opts, normalized: false }),
        betweenness(graph, { getEdgeWeight, normalized: false }),
        1e-9,
      );
    });

    it(`pagerank${weighted ? ' (weighted)' : ''}`, () => {
      const reference = graphologyPagerank(graph, { getEdgeWeight, tolerance: 1e-15, maxIterations: 10000 });
      expectScores(pagerank(input, { ...opts, tol: 1e-15 }), reference, 1e-9);
    });
  }

  it('closeness (Wasserman-Faust; incoming distances on a digraph)', () => {
    const graph = toGraphology(input, { directed });
    expectScores(closenessCentrality(input, { directed }), closeness(graph, { wassermanFaust: true }), 1e-9);
  });

  it('degree', () => {
    expectScores(degreeCentrality(input, { directed }), graphologyDegree(toGraphology(input, { directed })), 1e-12);
  });

  if (!directed) {
    it('eigenvector', () => {
      const graph = toGraphology(input, { directed });
      const reference = eigenvector(graph, { getEdgeWeight: null, tolerance: 1e-15, maxIterations: 100000 });
      expectScores(eigenvectorCentrality(input, { tol: 1e-15, maxIter: 100000 }), reference, 1e-9);
    });

    it('modularity of a partition', () => {
      const partition = new Map(input.nodes.map((id, i) => [id, String(i % 3)]));
      const graph = toGraphology(input);
      const reference = graphologyModularity(graph, { getNodeCommunity: (node) => partition.get(node)!, getEdgeWeight: null });
      expect(modularity(input, partition)).toBeCloseTo(reference, 12);
    });
  }
});

describe('betweenness on a larger sparse graph', () => {
  // Big enough for the BFS kernel to find its middle levels bottom-up and to push in the backward pass.
  const input = randomNetwork(21, 1500, 6000, 5);

  it.each([false, true])('undirected and directed=%s equal graphology to 1e-9', (directed) => {
    const graph = toGraphology(input, { directed });
    expectScores(betweennessCentrality(input, { directed }), betweenness(graph, { getEdgeWeight: null }), 1e-9);
  });
});
