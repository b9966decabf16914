/**
 * What the page loads, built on the API client: reference lists, a scope's network (through the
 * analytics `network` query, or rebuilt from public reads when the key may not run analytics),
 * scores, figures, transversality, search and actor details.
 */
import { ApiClient, errorsFor, isAccessError, type GraphQLErrorItem } from './api';
import * as Q from './queries';
import type { Metric } from './state';

export interface Reference {
  operations: Q.OperationRef[];
  commons: Q.CommonRef[];
  departments: { id: string; name: string }[];
  /** actor id → department id (departments map to themselves). */
  departmentOf: Map<string, string>;
}

export interface NetworkData {
  nodes: Q.ActorLite[];
  edges: { id: string; kind: string; source: string; target: string }[];
  truncated: boolean;
  /** 'analytics': the API's `network`; 'public': rebuilt from `actors` and `bonds` (no analytics role). */
  mode: 'analytics' | 'public';
  /** Why analytics were refused, as the API said it. */
  refused: string | null;
}

/** Something the API refused or failed, to show as it said it. */
export class ApiFailure extends Error {
  constructor(
    readonly errors: GraphQLErrorItem[],
    readonly access: boolean,
  ) {
    super(errors.map((e) => e.message).join(' — ') || 'error');
  }
}

function fail(errors: GraphQLErrorItem[]): never {
  throw new ApiFailure(errors, isAccessError(errors));
}

type Membership = { from: { id: string }; to: { id: string; kind: string } };

export async function loadReference(api: ApiClient): Promise<Reference> {
  const res = await api.query<{
    operations: Q.OperationRef[];
    commons: Q.CommonRef[];
    departments: { edges: { node: { id: string; name: string } }[] };
    memberships: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: Membership }[] };
  }>(Q.REFERENCE);
  if (!res.data?.operations || !res.data.memberships) fail(res.errors);
  const departments = (res.data.departments?.edges ?? []).map((e) => e.node).sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  const departmentOf = new Map<string, string>(departments.map((d) => [d.id, d.id]));
  const add = (items: Membership[]) => {
    for (const b of items) if (b.to.kind === 'DEPARTMENT' && !departmentOf.has(b.from.id)) departmentOf.set(b.from.id, b.to.id);
  };
  add(res.data.memberships.edges.map((e) => e.node));
  let after = res.data.memberships.pageInfo.hasNextPage ? res.data.memberships.pageInfo.endCursor : null;
  for (let page = 0; after && page < 50; page++) {
    const m: Q.GraphQLPage<Membership> = await pageOf(api, Q.MEMBERSHIPS, 'bonds', { after });
    add(m.items);
    after = m.next;
  }
  return { operations: res.data.operations, commons: res.data.commons ?? [], departments, departmentOf };
}

async function pageOf<T>(api: ApiClient, query: string, field: string, variables: Record<string, unknown>): Promise<Q.GraphQLPage<T>> {
  const res = await api.query<Record<string, { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: T }[] }>>(query, variables);
  const conn = res.data?.[field];
  if (!conn) fail(res.errors);
  return { items: conn.edges.map((e) => e.node), next: conn.pageInfo.hasNextPage ? conn.pageInfo.endCursor : null };
}

export async function loadNetwork(api: ApiClient, scope: Q.NetworkScope, ref: Promise<Reference>): Promise<NetworkData> {
  const res = await api.query<{ network: { truncated: boolean; nodes: Q.ActorLite[]; edges: Q.EdgeLite[] } }>(Q.NETWORK, { scope });
  const net = res.data?.network;
  if (net) {
    return {
      nodes: net.nodes,
      edges: net.edges.map((e) => ({ id: e.id, kind: e.kind, source: e.from.id, target: e.to.id })),
      truncated: net.truncated,
      mode: 'analytics',
      refused: null,
    };
  }
  const errors = errorsFor(res, 'network');
  if (!isAccessError(errors)) fail(errors);
  return { ...(await loadPublicNetwork(api, scope, await ref)), refused: errors.map((e) => e.message).join(' — ') };
}

/**
 * The scope's network from public reads only: its actors (operation or common filter), then every
 * bond holding on the date, kept when both ends are in scope. Participation dates are not
 * filterable through `actors`, so on a past date the actor set may be a little larger than the
 * analytics answer.
 */
async function loadPublicNetwork(api: ApiClient, scope: Q.NetworkScope, ref: Reference): Promise<Omit<NetworkData, 'refused'>> {
  const filter: Record<string, unknown> = {};
  if (scope.operation) filter.operation = ref.operations.find((o) => o.code === scope.operation)?.id ?? scope.operation;
  if (scope.common) filter.common = scope.common;
  const nodes: Q.ActorLite[] = [];
  let after: string | null = null;
  for (let i = 0; i < 40; i++) {
    const page: Q.GraphQLPage<Q.ActorLite> = await pageOf(api, Q.SCOPE_ACTORS, 'actors', { filter, after });
    nodes.push(...page.items);
    if (!page.next || nodes.length >= 2000) break;
    after = page.next;
  }
  const inScope = new Set(nodes.map((n) => n.id));
  const edges: NetworkData['edges'] = [];
  after = null;
  for (let i = 0; i < 200; i++) {
    const page: Q.GraphQLPage<Q.EdgeLite> = await pageOf(api, Q.SCOPE_BONDS, 'bonds', { validOn: scope.asOf ?? null, after });
    for (const e of page.items) if (inScope.has(e.from.id) && inScope.has(e.to.id)) edges.push({ id: e.id, kind: e.kind, source: e.from.id, target: e.to.id });
    if (!page.next) break;
    after = page.next;
  }
  return { nodes, edges, truncated: nodes.length >= 2000, mode: 'public' };
}

/** Scores by actor id, or the API's refusal. */
export async function loadCentrality(api: ApiClient, scope: Q.NetworkScope, metric: Metric): Promise<Map<string, number>> {
  const res = await api.query<{ centrality: { score: number; actor: { id: string } }[] }>(Q.CENTRALITY, { metric, scope });
  if (!res.data?.centrality) fail(res.errors);
  return new Map(res.data.centrality.map((s) => [s.actor.id, s.score]));
}

export async function loadArrangement(api: ApiClient, scope: Q.NetworkScope, groupBy: 'SECTOR' | 'DEPARTMENT'): Promise<Q.Arrangement> {
  const res = await api.query<{ arrangement: Q.Arrangement }>(Q.ARRANGEMENT, { scope, groupBy });
  if (!res.data?.arrangement) fail(res.errors);
  return res.data.arrangement;
}

export async function loadTransversality(api: ApiClient, asOf: string | null): Promise<Q.Transversality> {
  const res = await api.query<{ at: Omit<Q.Transversality, 'series'>; all: Pick<Q.Transversality, 'series'> }>(Q.TRANSVERSALITY, { asOf });
  if (!res.data?.at || !res.data.all) fail(res.errors);
  return { ...res.data.at, series: res.data.all.series };
}

export async function searchActors(api: ApiClient, text: string): Promise<Q.ActorLite[]> {
  const res = await api.query<{ actors: { edges: { node: Q.ActorLite }[] } }>(Q.SEARCH, { text });
  if (!res.data?.actors) fail(res.errors);
  return res.data.actors.edges.map((e) => e.node);
}

export async function loadActor(api: ApiClient, id: string): Promise<Q.ActorDetail | null> {
  const res = await api.query<{ actor: Q.ActorDetail | null }>(Q.ACTOR, { id });
  if (res.errors.length && !res.data?.actor) fail(res.errors);
  return res.data?.actor ?? null;
}
