import {
  betweennessCentrality,
  closenessCentrality,
  degreeCentrality,
  louvain,
  modularity,
} from '../../../src/analytics/metrics';
import { groupsOf, inputOf, loadFixture } from './fixtures';

/** Values from the literature, asserted directly (not through the NetworkX fixtures). */
describe("Krackhardt's kite (Krackhardt 1990, ASQ 35(2):342-369)", () => {
  const kite = loadFixture('kite');
  const input = inputOf(kite);
  const byName = (scores: Map<string, number>) =>
    Object.fromEntries([...scores].map(([id, value]) => [kite.labels![id], value]));

  it('Diane has the most ties: 6 of 9', () => {
    const degree = byName(degreeCentrality(input));
    expect(degree.Diane).toBeCloseTo(6 / 9, 12);
    expect(Math.max(...Object.values(degree))).toBe(degree.Diane);
  });

  it('Fernando and Garth are the closest to everyone: 9/14', () => {
    const closeness = byName(closenessCentrality(input));
    expect(closeness.Fernando).toBeCloseTo(9 / 14, 12);
    expect(closeness.Garth).toBeCloseTo(9 / 14, 12);
    expect(closeness.Diane).toBeCloseTo(9 / 15, 12);
  });

  it('Heather is the broker: betweenness 14 of 36 pairs; Fernando/Garth 8⅓, Ike 8, Diane 3⅔', () => {
    const raw = byName(betweennessCentrality(input, { normalized: false }));
    expect(raw.Heather).toBeCloseTo(14, 12);
    expect(raw.Fernando).toBeCloseTo(25 / 3, 12);
    expect(raw.Garth).toBeCloseTo(25 / 3, 12);
    expect(raw.Ike).toBeCloseTo(8, 12);
    expect(raw.Diane).toBeCloseTo(11 / 3, 12);
    expect(raw.Jane).toBe(0);
    expect(byName(betweennessCentrality(input)).Heather).toBeCloseTo(14 / 36, 12);
  });
});

describe("Zachary's karate club (Zachary 1977)", () => {
  const karate = loadFixture('karate');
  const input = inputOf(karate);

  it('betweenness of the instructor (0) and the president (33), as in the NetworkX docs', () => {
    const scores = betweennessCentrality(input);
    expect(scores.get('0')).toBeCloseTo(0.437635, 6);
    expect(scores.get('33')).toBeCloseTo(0.304075, 6);
  });

  it('Louvain finds the known high-modularity split (best known Q = 0.4198), reproducibly', () => {
    const first = louvain(input, { seed: 7 });
    expect(first.modularity).toBeGreaterThan(0.41);
    expect(first.modularity).toBeLessThanOrEqual(0.41979 + 1e-6);
    expect(louvain(input, { seed: 7 })).toEqual(first);
    const partition = new Map([...first.communities].map(([id, c]) => [id, String(c)]));
    expect(modularity(input, partition)).toBeCloseTo(first.modularity, 12);
  });

  it('the club split is a good but not optimal partition', () => {
    expect(modularity(input, groupsOf(karate))).toBeCloseTo(0.3582, 4);
  });
});

describe("Padgett's Florentine families (Padgett and Ansell 1993)", () => {
  const input = inputOf(loadFixture('florentine'));

  it('the Medici lie on 47.5 of the 91 geodesic pairs (normalized 0.522)', () => {
    expect(betweennessCentrality(input, { normalized: false }).get('Medici')).toBeCloseTo(47.5, 12);
    expect(betweennessCentrality(input).get('Medici')).toBeCloseTo(47.5 / 91, 12);
  });
});
