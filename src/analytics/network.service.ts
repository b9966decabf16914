import type { Context } from '../context';
import { dateParam, listParam } from '../common/args';
import { graphVersion } from '../changes/change.service';
import { requirePermission } from '../auth/roles';
import { BadInputError } from '../errors';
import { defaultDirected } from '../bonds/bond.model';
import type { MetricOptions, NetworkInput } from './metrics';
import { analyticsCache } from './cache';
import type { NetworkScope } from './scope.input';

export interface ScopeActor {
  id: string;
  name: string;
  kind: string;
  sector: string;
  department: string | null;
  operations: string[];
}

export interface ScopeEdge {
  id: string;
  source: string;
  target: string;
  kind: string;
  weight: number | null;
  /** A bond with `directed: false` is a tie both ways. */
  directed: boolean;
  since: string | null;
  until: string | null;
}

/** The network of a scope: its actors, the bonds among them, and how to analyse it. */
export interface ScopeNetwork {
  version: number;
  scopeKey: string;
  actors: ScopeActor[];
  byId: Map<string, ScopeActor>;
  edges: ScopeEdge[];
  input: NetworkInput;
  options: MetricOptions;
}

/** Largest bond weight a weighted analysis reads, as createBond's own bound: sums stay finite. */
export const MAX_ANALYSED_WEIGHT = 1e12;

/**
 * The weight a weighted analysis gives a bond: a missing weight counts 1 and 0 stays 0 (each
 * metric says what 0 means: no strength, or a length metric refuses it); a negative, non-finite or
 * huge weight is refused naming the bond, since no metric can use it.
 */
export function analysedWeight(edge: Pick<ScopeEdge, 'id' | 'weight'>): number {
  const w = edge.weight ?? 1;
  if (!(Number.isFinite(w) && w >= 0 && w <= MAX_ANALYSED_WEIGHT)) {
    throw new BadInputError(
      `Bond ${edge.id} has weight ${w}; weighted analyses read weights from 0 to ${MAX_ANALYSED_WEIGHT}: correct the bond's weight or analyse with weighted: false`,
      [{ field: 'scope.weighted', message: `bond ${edge.id} has an unusable weight` }],
    );
  }
  return w;
}

/**
 * The ties of the analysed graph: one per bond, and on a directed analysis a bond with
 * `directed: false` gives both arcs (an undirected analysis merges the two anyway).
 */
export function networkInput(actors: readonly { id: string }[], edges: readonly ScopeEdge[], options: MetricOptions): NetworkInput {
  const ties: NetworkInput['edges'] = [];
  for (const e of edges) {
    const weight = options.weighted ? analysedWeight(e) : null;
    ties.push({ source: e.source, target: e.target, weight });
    if (options.directed && !e.directed) ties.push({ source: e.target, target: e.source, weight });
  }
  return { nodes: actors.map((a) => a.id), edges: ties };
}

/** A canonical string of a scope, for cache keys. */
export function scopeKey(scope: NetworkScope | null | undefined): string {
  const s = scope ?? {};
  const asOf = s.asOf ? new Date(s.asOf).toISOString().slice(0, 10) : null;
  return JSON.stringify([s.operation ?? null, s.common ?? null, s.source ?? null, [...(s.tags ?? [])].sort(), [...(s.sectors ?? [])].sort(), asOf, [...(s.bondKinds ?? [])].sort(), !!s.directed, !!s.weighted]);
}

/** Checks access and returns the current graph version (part of every analytics cache key). */
export async function analyticsVersion(ctx: Context, what: string): Promise<number> {
  if (!ctx.config.ANALYTICS_PUBLIC) requirePermission(ctx.principal, 'runAnalytics', what);
  return graphVersion(ctx);
}

/**
 * Reads a scope's network with two queries (actors, then the bonds leaving them; the whole program
 * reads all bonds at once), cached per graph version.
 */
export async function loadNetwork(ctx: Context, scope: NetworkScope | null | undefined, version: number): Promise<ScopeNetwork> {
  const key = scopeKey(scope);
  return analyticsCache.get(`net|${version}|${key}`, async () => {
    const s = scope ?? {};
    const asOf = dateParam(s.asOf);
    const params = { source: s.source ?? null, sectors: listParam(s.sectors), tags: listParam(s.tags), operation: s.operation ?? null, common: s.common ?? null, asOf };
    const whole = !params.source && !params.sectors && !params.tags && !params.operation && !params.common;
    const [actorRows, bondRows] = await ctx.db.readTx(async (tx) => {
      const a = await tx.run('analytics/scope-actors', params);
      const kinds = listParam(s.bondKinds);
      const b = whole ? await tx.run('analytics/all-bonds', { kinds, asOf }) : await tx.run('analytics/scope-bonds', { ids: a.map((r) => r.id), kinds, asOf });
      return [a, b] as const;
    });
    if (params.operation && actorRows.length === 0) {
      const [op] = await ctx.db.read('operations/by-codes', { codes: [params.operation] });
      const [byId] = op ? [op] : await ctx.db.read('operations/by-ids', { ids: [params.operation] });
      if (!byId) throw new BadInputError(`No operation ${JSON.stringify(params.operation)} (give an operation id or code)`, [{ field: 'scope.operation', message: 'unknown operation' }]);
    }
    const actors: ScopeActor[] = actorRows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, sector: r.sector, department: r.department ?? null, operations: [...new Set<string>(r.operations)].sort() }));
    const byId = new Map(actors.map((a) => [a.id, a]));
    const edges: ScopeEdge[] = bondRows
      .filter((r) => byId.has(r.source) && byId.has(r.target))
      .map((r) => ({ id: r.id, source: r.source, target: r.target, kind: r.kind, weight: r.weight ?? null, directed: r.directed ?? defaultDirected(r.kind), since: r.since ?? null, until: r.until ?? null }));
    const options: MetricOptions = { directed: !!s.directed, weighted: !!s.weighted };
    return { version, scopeKey: key, actors, byId, edges, input: networkInput(actors, edges, options), options };
  });
}
