import { betweennessCentrality, betweennessCentralityParallel } from '../../../src/analytics/metrics';
import { expectScores } from './fixtures';
import { randomNetwork } from './random-graphs';

/** Worker threads load kernels.ts through ts-node here; compiled, they load kernels.js. */
describe('betweennessCentralityParallel', () => {
  jest.setTimeout(60000);
  const input = randomNetwork(11, 300, 900, 4);

  it('equals the sequential kernel, unweighted and weighted, undirected and directed', async () => {
    for (const opts of [{}, { weighted: true }, { directed: true }, { directed: true, weighted: true }]) {
      const expected = Object.fromEntries(betweennessCentrality(input, opts));
      expectScores(await betweennessCentralityParallel(input, { ...opts, workers: 2 }), expected, 1e-12);
    }
  });

  it('with k sampled pivots and more workers than pivots', async () => {
    const expected = Object.fromEntries(betweennessCentrality(input, { k: 3, seed: 9 }));
    expectScores(await betweennessCentralityParallel(input, { k: 3, seed: 9, workers: 5 }), expected, 1e-12);
  });

  it('rejects a non-positive worker count', async () => {
    await expect(betweennessCentralityParallel(input, { workers: 0 })).rejects.toThrow(RangeError);
  });
});
