/**
 * Spearman's rank correlation ρ with average ranks for ties: the Pearson correlation of the two
 * rank vectors (as scipy.stats.spearmanr). Pairs with a missing value are left out; ρ is null
 * when fewer than 3 pairs remain or either ranking is constant (no variation to correlate).
 * With few points (9 operations) the exact permutation p-value says how often chance alone
 * gives a |ρ| as large: computed over all n! orderings for n ≤ 9, null above.
 */
export interface RankCorrelationResult {
  rho: number | null;
  n: number;
  pValue: number | null;
}

export const EXACT_P_UP_TO = 9;

/** Average ranks from 1 (ties share the mean of the ranks they span). */
export function averageRanks(xs: readonly number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(xs.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k][1]] = rank;
    i = j + 1;
  }
  return ranks;
}

function pearson(a: readonly number[], b: readonly number[]): number | null {
  const n = a.length;
  const ma = a.reduce((s, x) => s + x, 0) / n;
  const mb = b.reduce((s, x) => s + x, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return saa === 0 || sbb === 0 ? null : sab / Math.sqrt(saa * sbb);
}

/** Two-sided exact p-value: the share of the n! orderings of `b` whose |ρ| reaches the observed one (Heap's algorithm). */
function exactP(a: readonly number[], b: readonly number[], rho: number): number {
  const n = a.length;
  const ma = a.reduce((s, x) => s + x, 0) / n;
  const mb = b.reduce((s, x) => s + x, 0) / n;
  const da = a.map((x) => x - ma);
  const db = b.map((x) => x - mb);
  const scale = Math.sqrt(da.reduce((s, x) => s + x * x, 0) * db.reduce((s, x) => s + x * x, 0));
  const bound = Math.abs(rho) * scale - 1e-9;
  const p = [...db];
  const c = new Array<number>(n).fill(0);
  // The dot product of da with the permuted db, kept up to date per swap in O(1) (ranks are
  // multiples of 1/2, so these sums are exact in floating point).
  let dot = 0;
  for (let k = 0; k < n; k++) dot += da[k] * p[k];
  let hits = Math.abs(dot) >= bound ? 1 : 0;
  let total = 1;
  for (let i = 1; i < n; ) {
    if (c[i] < i) {
      const j = i % 2 === 0 ? 0 : c[i];
      dot += (da[i] - da[j]) * (p[j] - p[i]);
      const t = p[i];
      p[i] = p[j];
      p[j] = t;
      if (Math.abs(dot) >= bound) hits++;
      total++;
      c[i]++;
      i = 1;
    } else {
      c[i] = 0;
      i++;
    }
  }
  return hits / total;
}

export function spearman(xs: readonly (number | null)[], ys: readonly (number | null)[]): RankCorrelationResult {
  const pairs = xs.map((x, i) => [x, ys[i]] as const).filter((p): p is readonly [number, number] => p[0] != null && p[1] != null && Number.isFinite(p[0]) && Number.isFinite(p[1]));
  const n = pairs.length;
  if (n < 3) return { rho: null, n, pValue: null };
  const ra = averageRanks(pairs.map((p) => p[0]));
  const rb = averageRanks(pairs.map((p) => p[1]));
  const rho = pearson(ra, rb);
  if (rho == null) return { rho: null, n, pValue: null };
  return { rho, n, pValue: n <= EXACT_P_UP_TO ? exactP(ra, rb, rho) : null };
}
