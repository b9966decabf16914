import betweenness from 'graphology-metrics/centrality/betweenness';
import { betweennessCentrality, buildCsr, toGraphology } from '../../../src/analytics/metrics';
import { kernelGraph } from '../../../src/analytics/metrics/betweenness';
import { expectScores } from './fixtures';

/** Equal tie lengths take the BFS kernel: the same shortest paths, hence the same scores as Dijkstra's. */
describe('betweenness with every tie of the same length', () => {
  const ring = Array.from({ length: 12 }, (_, i) => ({ source: `v${i}`, target: `v${(i + 1) % 12}` }));
  const chords = [{ source: 'v0', target: 'v6' }, { source: 'v3', target: 'v9' }, { source: 'v2', target: 'v7' }];
  const nodes = Array.from({ length: 12 }, (_, i) => `v${i}`);

  it.each([0.1, 1, 3])('length %p: the BFS kernel, and the scores of a Dijkstra on those lengths', (length) => {
    for (const directed of [false, true]) {
      const input = { nodes, edges: [...ring, ...chords].map((e) => ({ ...e, weight: length })) };
      const opts = { directed, weighted: true };
      expect(kernelGraph(buildCsr(input, opts)).graph.weights).toBeNull();
      const graph = toGraphology(input, opts);
      expectScores(betweennessCentrality(input, opts), betweenness(graph, { getEdgeWeight: 'weight' }), 1e-12);
      expectScores(betweennessCentrality(input, opts), Object.fromEntries(betweennessCentrality(input, { directed })), 0);
    }
  });

  it('unequal lengths keep the Dijkstra kernel', () => {
    const input = { nodes, edges: [...ring, ...chords].map((e, i) => ({ ...e, weight: 1 + (i % 2) })) };
    expect(kernelGraph(buildCsr(input, { weighted: true })).graph.weights).not.toBeNull();
  });
});
