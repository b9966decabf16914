import type { Context } from '../context';
import type { Row } from '../db/database';
import type { OperationRecord } from '../operations/operation.type';
import { prefetch } from '../common/prefetch';
import { analyticsCache } from '../analytics/cache';
import { analyticsVersion } from '../analytics/network.service';
import { arrangement } from '../analytics/analytics.service';
import { GroupBy } from '../analytics/scope.input';
import { listOperations } from '../operations/operation.service';
import { readsConfidential } from '../funding/funding.service';
import type { Sector } from '../common/enums';
import { attainmentOn, dayOf, meanOf, type SeriesPoint } from './attainment';
import { spearman } from './spearman';
import { EvaluationFigure } from './evaluation.type';

interface FundingRow {
  operation: string;
  amount: number;
  year: number;
  confidential: boolean;
  source: string;
  sector: Sector;
}

/** Sums invested from funding rows: total, by funder sector (largest first), by year (oldest first). */
export function summarizeFunding(rows: readonly Pick<FundingRow, 'amount' | 'year' | 'sector'>[], confidentialExcluded: number) {
  const bySector = new Map<Sector, number>();
  const byYear = new Map<number, number>();
  let total = 0;
  for (const r of rows) {
    total += r.amount;
    bySector.set(r.sector, (bySector.get(r.sector) ?? 0) + r.amount);
    byYear.set(r.year, (byYear.get(r.year) ?? 0) + r.amount);
  }
  return {
    total,
    count: rows.length,
    bySector: [...bySector].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([sector, amount]) => ({ sector, amount, share: total ? amount / total : 0 })),
    byYear: [...byYear].sort((a, b) => a[0] - b[0]).map(([year, amount]) => ({ year, amount })),
    confidentialExcluded,
  };
}

/** A unit whose values add up across operations (counts: emplois, logements…), not a rate (%, GWh/an). */
export const isAdditiveUnit = (unit: string | null): unit is string => unit != null && !/[%/‰]/.test(unit);

export const CAVEAT =
  'n = 9 opérations : un ρ de Spearman décrit ces 9 points, il ne prouve aucun effet ; lisez la p-valeur exacte (toutes les permutations) et ne généralisez pas. ' +
  'n = 9 operations: a Spearman ρ describes these 9 points and proves no effect; read the exact (all-permutations) p-value and do not generalize.';

const FIGURES: Record<EvaluationFigure, (o: { funding: { total: number }; actorCount: number; density: number; blau: number; eiIndex: number; citizenShare: number; departmentCount: number }) => number> = {
  [EvaluationFigure.FUNDING_TOTAL]: (o) => o.funding.total,
  [EvaluationFigure.ACTOR_COUNT]: (o) => o.actorCount,
  [EvaluationFigure.DENSITY]: (o) => o.density,
  [EvaluationFigure.BLAU]: (o) => o.blau,
  [EvaluationFigure.EI_INDEX]: (o) => o.eiIndex,
  [EvaluationFigure.CITIZEN_SHARE]: (o) => o.citizenShare,
  [EvaluationFigure.DEPARTMENT_COUNT]: (o) => o.departmentCount,
};

/** One operation's figures: its money (rows given), its indicators' attainment and its arrangement on `asOf`. */
async function evaluateOperation(ctx: Context, op: OperationRecord, asOf: Date | null, day: string | null, fundingRows: FundingRow[], indicatorRows: Row[], visible: (f: FundingRow) => boolean) {
  const scope = { operation: op.id, asOf };
  const [bySector, byDepartment] = [await arrangement(ctx, scope, GroupBy.SECTOR), await arrangement(ctx, scope, GroupBy.DEPARTMENT)];
  const rows = fundingRows.filter((f) => f.operation === op.id);
  const shown = rows.filter(visible);
  const indicators = indicatorRows
    .filter((i) => i.operation === op.id)
    .map((i) => {
      const a = attainmentOn({ target: i.target ?? null, value: i.value ?? null, date: i.date ?? null }, (i.series as SeriesPoint[]).filter(Boolean), day);
      return { indicator: prefetch(ctx.loaders.indicator.load(i.id)), name: i.name as string, unit: (i.unit as string | null) ?? null, value: a?.value ?? null, target: a ? a.target : (i.target ?? null), date: a?.date ?? null, attainment: a?.attainment ?? null };
    });
  const departments = byDepartment.groups.filter((g) => g.group !== 'external');
  return {
    operation: op,
    code: op.code,
    name: op.name,
    funding: summarizeFunding(shown, rows.length - shown.length),
    attainment: meanOf(indicators.map((i) => i.attainment)),
    indicators,
    actorCount: bySector.actorCount,
    bondCount: bySector.bondCount,
    density: bySector.density,
    blau: bySector.blau,
    eiIndex: bySector.eiIndex,
    citizenShare: bySector.citizenShare,
    departmentCount: departments.length,
    departments: departments.map((g) => prefetch(ctx.loaders.actor.load(g.group))),
    topBrokers: bySector.topBrokers.slice(0, 3),
  };
}

/**
 * `evaluation(asOf)`: per operation the sums invested (fundings of years up to asOf's year), the
 * indicators' attainment on asOf, and the arrangement figures of its scope on asOf (computed by
 * `arrangement`, as the analytics query gives them); the program as the sum of its operations;
 * and Spearman's ρ of attainment with each figure across the operations. Same access as the
 * analytics; confidential amounts count only for callers who may read them.
 */
export async function evaluation(ctx: Context, asOf: Date | null) {
  const version = await analyticsVersion(ctx, 'evaluation');
  const day = dayOf(asOf);
  const lastYear = day ? Number(day.slice(0, 4)) : null;
  const [operations, [fundingRows, indicatorRows]] = await Promise.all([
    listOperations(ctx),
    ctx.db.readTx(async (tx) => [await tx.run('funding/evaluation', { lastYear }), await tx.run('funding/indicators')] as const),
  ]);
  const visible = (f: FundingRow) => !f.confidential || readsConfidential(ctx.principal, f.source);
  // One operation after the other: each reads its network once (shared by both groupings) on one
  // connection, rather than nine at once competing for the pool.
  const perOp: Awaited<ReturnType<typeof evaluateOperation>>[] = [];
  for (const op of operations) perOp.push(await evaluateOperation(ctx, op, asOf, day, fundingRows as FundingRow[], indicatorRows, visible));
  const allShown = (fundingRows as FundingRow[]).filter(visible);
  const results = new Map<string, { value: number; indicators: number }>();
  for (const o of perOp) for (const i of o.indicators) if (isAdditiveUnit(i.unit) && i.value != null) {
    const r = results.get(i.unit) ?? { value: 0, indicators: 0 };
    results.set(i.unit, { value: r.value + i.value, indicators: r.indicators + 1 });
  }
  const attainments = perOp.map((o) => o.attainment);
  const correlations = await analyticsCache.get(`eval-rho|${JSON.stringify([attainments, perOp.map((o) => Object.values(FIGURES).map((f) => f(o)))])}`, async () =>
    (Object.keys(FIGURES) as EvaluationFigure[]).map((figure) => ({ figure, ...spearman(attainments, perOp.map((o) => FIGURES[figure](o))) })),
  );
  return {
    asOf: day,
    graphVersion: version,
    operations: perOp,
    program: {
      funding: summarizeFunding(allShown, fundingRows.length - allShown.length),
      results: [...results].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([unit, r]) => ({ unit, ...r })),
      attainment: meanOf(attainments),
      operationCount: perOp.length,
    },
    correlations,
    caveat: CAVEAT,
  };
}
