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

/**
 * The council's internal network on a date: its departments and their members (MEMBER_OF), the
 * bonds among them holding that day, partitioned by department; plus which departments each
 * operation involves. E-I > 0 and low modularity mean departments work across silos.
 */
async function snapshot(ctx: Context, departments: { id: string; members: string[] }[], date: string | null, year: number): Promise<Snapshot> {
  const deptOf = new Map<string, string>();
  for (const d of departments) deptOf.set(d.id, d.id);
  for (const d of departments) for (const m of d.members) if (!deptOf.has(m)) deptOf.set(m, d.id);
  const ids = [...deptOf.keys()];
  const asOf = dateParam(date);
  const [bonds, ops] = await ctx.db.readTx(async (tx) => [await tx.run('analytics/scope-bonds', { ids, kinds: null, asOf }), await tx.run('analytics/department-operations', { asOf })] as const);
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
  const result = await analyticsCache.get(`trans|${version}|${date}`, async () => {
    const departments = (await ctx.db.read('analytics/departments')).map((r) => ({ id: r.id as string, members: r.members as string[] }));
    const [range] = await ctx.db.read('analytics/date-range');
    const current = await snapshot(ctx, departments, date, date ? Number(date.slice(0, 4)) : new Date().getUTCFullYear());
    const series: Point[] = [];
    if (range?.first != null) {
      const last = Math.min(range.last, date ? Number(date.slice(0, 4)) : range.last);
      for (let y = range.first; y <= last; y++) series.push((await snapshot(ctx, departments, `${y}-12-31`, y)).point);
    }
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
