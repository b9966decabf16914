import type { Context } from '../context';
import { prefetch } from '../common/prefetch';
import { dateParam } from '../common/args';
import { analyticsCache } from './cache';
import { analyticsVersion } from './network.service';
import { modularity, type NetworkInput } from './metrics';

interface Point {
  year: number;
  date: string;
  eiIndex: number;
  modularity: number;
  crossDepartmentBonds: number;
  withinDepartmentBonds: number;
  meanDepartmentsPerOperation: number;
  transversalOperations: number;
}

interface Snapshot {
  point: Point;
  operations: { operation: string; departments: string[] }[];
  pairs: { a: string; b: string; sharedOperations: number; bonds: number }[];
}

/** The program's own data: its departments' source, and every source its staff and ties may have. */
interface ProgramSources {
  programSource: string;
  sources: string[];
}

/** Most points a series holds (the latest years): a stray date must not make it a century long. */
export const MAX_SERIES_YEARS = 50;

/**
 * The years of the yearly series: from the first to the last year of the program's own dated bonds
 * and participations, but no later than `asOf`'s year (or this year: no point in the future), and
 * at most the latest {@link MAX_SERIES_YEARS} of them.
 */
export function seriesYears(range: { first: number | null; last: number | null } | undefined, asOfYear: number | null, thisYear: number): number[] {
  if (range?.first == null || range.last == null) return [];
  const last = Math.min(range.last, asOfYear ?? thisYear);
  const first = Math.max(range.first, last - MAX_SERIES_YEARS + 1);
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}

/**
 * The council's internal network on a date: its departments and their members (MEMBER_OF), the
 * bonds among them holding that day, partitioned by department; plus which departments each
 * operation involves. E-I > 0 and low modularity mean departments work across silos.
 */
async function snapshot(ctx: Context, program: ProgramSources, departments: { id: string; members: string[] }[], date: string | null, year: number): Promise<Snapshot> {
  const deptOf = new Map<string, string>();
  for (const d of departments) deptOf.set(d.id, d.id);
  for (const d of departments) for (const m of d.members) if (!deptOf.has(m)) deptOf.set(m, d.id);
  const ids = [...deptOf.keys()];
  const asOf = dateParam(date);
  const [bonds, ops] = await ctx.db.readTx(async (tx) => [
    await tx.run('analytics/department-bonds', { ids, asOf, sources: program.sources }),
    await tx.run('analytics/department-operations', { asOf, ...program }),
  ] as const);
  const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const pairBonds = new Map<string, number>();
  const seenEdge = new Set<string>();
  let cross = 0;
  let within = 0;
  const edges: NetworkInput['edges'] = [];
  for (const b of bonds) {
    const da = deptOf.get(b.source);
    const db = deptOf.get(b.target);
    if (!da || !db || b.source === b.target) continue;
    const ek = pairKey(b.source, b.target);
    if (!seenEdge.has(ek)) {
      seenEdge.add(ek);
      edges.push({ source: b.source, target: b.target });
      if (da === db) within++;
      else cross++;
    }
    if (da !== db) pairBonds.set(pairKey(da, db), (pairBonds.get(pairKey(da, db)) ?? 0) + 1);
  }
  const shared = new Map<string, number>();
  for (const o of ops) {
    const ds = [...(o.departments as string[])].sort();
    for (let i = 0; i < ds.length; i++) for (let j = i + 1; j < ds.length; j++) shared.set(pairKey(ds[i], ds[j]), (shared.get(pairKey(ds[i], ds[j])) ?? 0) + 1);
  }
  const keys = new Set([...shared.keys(), ...pairBonds.keys()]);
  const pairs = [...keys].sort().map((k) => {
    const [a, b] = k.split('|');
    return { a, b, sharedOperations: shared.get(k) ?? 0, bonds: pairBonds.get(k) ?? 0 };
  });
  const q = edges.length ? modularity({ nodes: ids, edges }, deptOf) : 0;
  const perOp = ops.map((o) => (o.departments as string[]).length);
  return {
    point: {
      year,
      date: date ?? new Date().toISOString().slice(0, 10),
      eiIndex: cross + within ? (cross - within) / (cross + within) : 0,
      modularity: Number.isFinite(q) ? q : 0,
      crossDepartmentBonds: cross,
      withinDepartmentBonds: within,
      meanDepartmentsPerOperation: perOp.length ? perOp.reduce((s, x) => s + x, 0) / perOp.length : 0,
      transversalOperations: perOp.filter((x) => x >= 2).length,
    },
    operations: ops.map((o) => ({ operation: o.operation, departments: o.departments })),
    pairs,
  };
}

export async function transversality(ctx: Context, asOf: Date | null | undefined) {
  const version = await analyticsVersion(ctx, 'transversality');
  const date = asOf ? asOf.toISOString().slice(0, 10) : null;
  const program: ProgramSources = {
    programSource: ctx.config.PROGRAM_SOURCE,
    sources: [...new Set([ctx.config.PROGRAM_SOURCE, ...ctx.config.PROGRAM_STAFF_SOURCES])],
  };
  const result = await analyticsCache.get(`trans|${version}|${date}|${JSON.stringify(program)}`, async () => {
    const departments = (await ctx.db.read('analytics/departments', { ...program })).map((r) => ({ id: r.id as string, members: r.members as string[] }));
    const [range] = await ctx.db.read('analytics/date-range', { sources: program.sources });
    const thisYear = new Date().getUTCFullYear();
    const asOfYear = date ? Number(date.slice(0, 4)) : null;
    const current = await snapshot(ctx, program, departments, date, asOfYear ?? thisYear);
    const series: Point[] = [];
    for (const y of seriesYears(range as { first: number | null; last: number | null } | undefined, asOfYear, thisYear)) series.push((await snapshot(ctx, program, departments, `${y}-12-31`, y)).point);
    return { departments: departments.map((d) => d.id), current, series };
  });
  const load = (id: string) => prefetch(ctx.loaders.actor.load(id));
  return {
    asOf: date,
    graphVersion: version,
    departments: result.departments.map(load),
    operations: result.current.operations.map((o) => ({ operation: prefetch(ctx.loaders.operation.load(o.operation)), departments: o.departments.map(load), departmentCount: o.departments.length })),
    matrix: result.current.pairs.map((p) => ({ a: load(p.a), b: load(p.b), sharedOperations: p.sharedOperations, bonds: p.bonds })),
    current: result.current.point,
    series: result.series,
  };
}
