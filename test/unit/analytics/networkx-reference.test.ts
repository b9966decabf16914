import {
  betweennessCentrality,
  closenessCentrality,
  connectedComponents,
  constraint,
  degreeCentrality,
  degreeCentralization,
  density,
  effectiveSize,
  eigenvectorCentrality,
  type MetricOptions,
  type NetworkInput,
  pagerank,
  type Scores,
} from '../../../src/analytics/metrics';
import { expectScores, type Fixture, inputOf, loadFixture } from './fixtures';

/** Every metric against NetworkX's values for the same graph (bench/networkx_reference.py). */
const fixtures = (['kite', 'karate', 'florentine', 'directed'] as const).map(loadFixture);

const scoreMetrics: Record<string, (input: NetworkInput, opts: MetricOptions) => Scores> = {
  betweenness: betweennessCentrality,
  betweenness_raw: (input, opts) => betweennessCentrality(input, { ...opts, normalized: false }),
  closeness: closenessCentrality,
  eigenvector: eigenvectorCentrality,
  pagerank,
  constraint,
  effective_size: effectiveSize,
  degree: degreeCentrality,
};

describe.each(fixtures.map((f): [string, Fixture] => [f.name, f]))('%s, as NetworkX', (_name, fixture) => {
  const input = inputOf(fixture);
  const directed = fixture.directed;

  for (const [variant, table] of [['unweighted', fixture.metrics], ['weighted', fixture.weighted]] as const) {
    if (!table) continue;
    const opts = { directed, weighted: variant === 'weighted' };
    for (const [metric, compute] of Object.entries(scoreMetrics)) {
      if (!(metric in table)) continue;
      it(`${metric} (${variant})`, () => {
        expectScores(compute(input, opts), table[metric], 1e-6);
      });
    }
  }

  it('density', () => {
    expect(density(input, { directed })).toBeCloseTo(fixture.metrics.density as number, 12);
  });

  it('connected components, largest first', () => {
    expect(connectedComponents(input)).toEqual(fixture.metrics.components);
  });

  if ('degree_centralization' in fixture.metrics) {
    it('degree centralization', () => {
      expect(degreeCentralization(input)).toBeCloseTo(fixture.metrics.degree_centralization as number, 12);
    });
  }

  if (fixture.sampled_betweenness) {
    const { k, seed, values } = fixture.sampled_betweenness;
    it(`betweenness with k=${k} pivots, seed ${seed}: the same pivots and scaling as NetworkX`, () => {
      expectScores(betweennessCentrality(input, { directed, k, seed }), values, 1e-9);
    });
  }

  it("NetworkX's own default tolerance (1e-6) leaves its eigenvector/PageRank values up to ~1e-5 off", () => {
    const loose = fixture.metrics.pagerank_nx_default_tol as Record<string, number>;
    expectScores(pagerank(input, { directed }), loose, 1e-4);
  });
});
