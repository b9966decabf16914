import { averageRanks, spearman } from '../../../src/evaluation/spearman';
import { attainmentOn } from '../../../src/evaluation/attainment';
import { isAdditiveUnit, summarizeFunding } from '../../../src/evaluation/evaluation.service';

describe('Spearman rank correlation', () => {
  it('gives tied values the mean of the ranks they span', () => {
    expect(averageRanks([10, 20, 20, 5, 20])).toEqual([2, 4, 4, 1, 4]);
  });

  it('is 1 (and -1) on monotone series of 9 points, with the exact p-value 2/9!', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    const up = spearman(x, x.map((v) => v * v));
    expect(up.rho).toBeCloseTo(1, 12);
    expect(up.n).toBe(9);
    // Only the identity and the reversal of 9 ranks reach |ρ| = 1: 2 of 362,880 orderings.
    expect(up.pValue).toBeCloseTo(2 / 362880, 15);
    expect(spearman(x, x.map((v) => -v)).rho).toBeCloseTo(-1, 12);
  });

  it('matches the hand computation with ties on 9 points', () => {
    // x ranks (ties 3,4,5 → 4): 4,8,9,4,1,4,7,2,6; y ranks (ties → 2.5 and 7.5): 4,5,7.5,2.5,1,7.5,6,2.5,9
    const x = [0.5, 0.8, 0.9, 0.5, 0.1, 0.5, 0.7, 0.4, 0.6];
    const y = [150, 200, 400, 100, 0, 400, 250, 100, 500];
    const r = spearman(x, y);
    // Σ(dx·dy) = 40.5, Σdx² = 58, Σdy² = 59 (deviations from the mean rank 5)
    expect(r.rho).toBeCloseTo(40.5 / Math.sqrt(58 * 59), 12);
    expect(r.n).toBe(9);
    // |ρ| ≈ 0.69: about 4 % of orderings do as well (exact, two-sided); bounded away from 0 and 1.
    expect(r.pValue).toBeGreaterThan(0.02);
    expect(r.pValue).toBeLessThan(0.06);
  });

  it('is null for a constant series, fewer than 3 pairs, and leaves out missing pairs', () => {
    expect(spearman([1, 2, 3, 4], [5, 5, 5, 5])).toEqual({ rho: null, n: 4, pValue: null });
    expect(spearman([1, 2], [1, 2])).toEqual({ rho: null, n: 2, pValue: null });
    const r = spearman([1, null, 3, 4, 2], [10, 99, 30, 40, null]);
    expect(r.n).toBe(3);
    expect(r.rho).toBeCloseTo(1, 12);
    // 3 points: 2 of 3! = 6 orderings reach |ρ| = 1.
    expect(r.pValue).toBeCloseTo(1 / 3, 12);
  });

  it('gives no exact p-value above 9 points', () => {
    const x = Array.from({ length: 10 }, (_, i) => i);
    expect(spearman(x, x).pValue).toBeNull();
  });
});

describe('attainment and sums', () => {
  const series = [{ date: '2013-12-31', value: 20, target: null }, { date: '2014-12-31', value: 50, target: 200 }];
  it('reads the latest value on or before the date over the target in force', () => {
    expect(attainmentOn({ target: 100, value: null, date: null }, series, null)).toEqual({ value: 50, target: 200, date: '2014-12-31', attainment: 0.25 });
    expect(attainmentOn({ target: 100, value: null, date: null }, series, '2014-06-30')?.attainment).toBe(0.2);
    expect(attainmentOn({ target: 100, value: null, date: null }, series, '2013-01-01')).toBeNull();
    expect(attainmentOn({ target: 0, value: 5, date: '2014-01-01' }, [], null)?.attainment).toBeNull();
    expect(attainmentOn({ target: 10, value: 5, date: '2014-01-01' }, [], new Date('2014-01-01T00:00:00Z'))?.attainment).toBe(0.5);
  });
  it('sums by sector (largest first) and year (oldest first)', () => {
    const s = summarizeFunding([{ amount: 10, year: 2014, sector: 'ECONOMIC' as any }, { amount: 30, year: 2013, sector: 'POLITICAL' as any }, { amount: 20, year: 2014, sector: 'ECONOMIC' as any }], 2);
    expect(s).toEqual({ total: 60, count: 3, confidentialExcluded: 2, bySector: [{ sector: 'ECONOMIC', amount: 30, share: 0.5 }, { sector: 'POLITICAL', amount: 30, share: 0.5 }], byYear: [{ year: 2013, amount: 30 }, { year: 2014, amount: 30 }] });
  });
  it('sums counts, not rates', () => {
    expect(['emplois', '%', 'GWh/an', 'logements'].map(isAdditiveUnit)).toEqual([true, false, false, true]);
  });
});
