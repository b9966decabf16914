/**
 * Fictional money and results for the 9 operations (tag `fictional`, source `demo`): who funds
 * each operation, how much, which year, and each indicator's yearly series ending on the value the
 * demo already carries (the seed's own figure where it gives one: 1,000 jobs in five years in the
 * wood sector). Drawn from its own seeded generator, after the graph, so the rest of the demo data
 * is unchanged.
 */
import { createRng, stableId } from './demo-random';
import type { DemoFunding, DemoGraph, DemoIndicatorValue } from './demo.types';

const SEED = 20151231;
const FIRST_YEAR = 2011;
const LAST_YEAR = 2015;
const COUNCIL = 'tesr:council';

/** A round amount in euros: to the thousand below 100,000, to the ten thousand above. */
const round = (x: number) => (x < 100_000 ? Math.round(x / 1000) * 1000 : Math.round(x / 10_000) * 10_000);

export function buildEvaluationData(g: Pick<DemoGraph, 'actors' | 'operations' | 'participations' | 'indicators'>): { fundings: DemoFunding[]; indicatorValues: DemoIndicatorValue[] } {
  const rng = createRng(SEED);
  const council = g.actors.find((a) => a.externalId === COUNCIL);
  if (!council) throw new Error(`demo funding: no ${COUNCIL}`);
  const fundings: DemoFunding[] = [];
  const add = (funder: string, operation: string, code: string, year: number, amount: number, key: string) =>
    fundings.push({
      id: stableId('fnd', `funding:${key}`),
      funder,
      operation,
      amount: round(amount),
      year,
      confidential: false,
      description: `Montant fictif (démo) — ${code} ${year}`,
      tags: ['fictional'],
      source: 'demo',
      externalId: `demo:funding:${key}`,
    });
  for (const op of g.operations) {
    // The council's yearly envelope: a scale per operation, growing or shrinking over the years.
    const scale = 200_000 + rng.next() * 1_800_000;
    const trend = 0.85 + rng.next() * 0.4;
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) add(council.id, op.id, op.code, year, scale * trend ** (year - FIRST_YEAR) * (0.9 + 0.2 * rng.next()), `${op.code}:council:${year}`);
    const funders = g.participations.filter((p) => p.operation === op.id && p.role === 'FUNDER');
    for (const p of funders) {
      const since = Math.max(FIRST_YEAR, Number((p.since ?? `${FIRST_YEAR}`).slice(0, 4)));
      const until = Math.min(LAST_YEAR, Number((p.until ?? `${LAST_YEAR}`).slice(0, 4)));
      const base = 20_000 + rng.next() * 480_000;
      for (let year = since; year <= until; year++) if (rng.chance(0.7)) add(p.actor, op.id, op.code, year, base * (0.7 + 0.6 * rng.next()), `${op.code}:${p.id}:${year}`);
    }
  }
  // A few funders asked for their amounts to stay confidential (ANALYST and above read them).
  for (const f of rng.sample(fundings.filter((f) => f.funder !== council.id), 6)) f.confidential = true;

  const indicatorValues: DemoIndicatorValue[] = [];
  for (const ind of g.indicators) {
    if (ind.value == null || ind.date == null) continue;
    const lastYear = Number(ind.date.slice(0, 4));
    const monthDay = ind.date.slice(4);
    // Cumulative results grow to the known value; the first year starts low.
    const shares = [0.12, 0.3, 0.52, 0.76, 1].map((s, i) => (i === 4 ? 1 : Math.min(1, s * (0.85 + 0.3 * rng.next()))));
    shares.forEach((share, i) => {
      const year = lastYear - 4 + i;
      const raw = ind.value! * share;
      const value = i === 4 ? ind.value! : Math.abs(ind.value!) >= 1000 ? Math.round(raw / 10) * 10 : Math.round(raw);
      indicatorValues.push({ id: stableId('inv', `indicator-value:${ind.id}:${year}`), indicator: ind.id, date: `${year}${monthDay}`, value, target: null, tags: ['fictional'] });
    });
  }
  return { fundings, indicatorValues };
}
