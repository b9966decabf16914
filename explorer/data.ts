/**
 * What the page loads, built on the API client: reference lists, a scope's network (through the
 * analytics `network` query, or rebuilt from public reads when the key may not run analytics),
 * scores, figures, transversality, search and actor details.
 */
import { ApiClient, ApiFailure, errorsFor, isAccessError, type GraphQLErrorItem } from './api';
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
  /** Actors of the scope with no bond in it (left out when isolates are hidden). */
  isolates: number;
  /** Actors of the scope, before the cap and the hiding of isolates. */
  actorCount: number;
  /** 'analytics': the API's `network`; 'public': rebuilt from `actors` and `bonds` (no analytics role). */
  mode: 'analytics' | 'public';
  /** Why analytics were refused (the API's errors). */
  refused: ApiFailure | null;
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

function fromSubgraph(net: Q.SubgraphLite): Omit<NetworkData, 'refused' | 'mode'> {
  return {
    nodes: net.nodes,
    edges: net.edges.map((e) => ({ id: e.id, kind: e.kind, source: e.from.id, target: e.to.id })),
    truncated: net.truncated,
    isolates: net.isolates,
    actorCount: net.actorCount,
  };
}

export async function loadNetwork(api: ApiClient, scope: Q.NetworkScope, ref: Promise<Reference>, hideIsolates: boolean): Promise<NetworkData> {
  const res = await api.query<{ network: Q.SubgraphLite }>(Q.NETWORK, { scope, hideIsolates });
  const net = res.data?.network;
  if (net) return { ...fromSubgraph(net), mode: 'analytics', refused: null };
  const errors = errorsFor(res, 'network');
  if (!isAccessError(errors)) fail(errors);
  const pub = await loadPublicNetwork(api, scope, await ref);
  // Public reads give every actor: the isolates are hidden here.
  const bonded = new Set(pub.edges.flatMap((e) => [e.source, e.target]));
  const isolates = pub.nodes.filter((n) => !bonded.has(n.id)).length;
  const nodes = hideIsolates ? pub.nodes.filter((n) => bonded.has(n.id)) : pub.nodes;
  return { ...pub, nodes, isolates, actorCount: pub.nodes.length, refused: new ApiFailure(errors, true) };
}

/** An actor's ego network within the scope (analytics keys only). */
export async function loadEgo(api: ApiClient, actor: string, depth: number, scope: Q.NetworkScope): Promise<NetworkData> {
  const res = await api.query<{ egoNetwork: Q.SubgraphLite }>(Q.EGO, { actor, depth, scope });
  if (!res.data?.egoNetwork) fail(res.errors);
  return { ...fromSubgraph(res.data.egoNetwork), mode: 'analytics', refused: null };
}

/** A shortest chain of actors between two, within the scope, or null when there is none. */
export async function loadPath(api: ApiClient, from: string, to: string, scope: Q.NetworkScope): Promise<Q.ActorLite[] | null> {
  const res = await api.query<{ shortestPath: Q.ActorLite[] | null }>(Q.PATH, { from, to, scope });
  if (res.errors.length) fail(res.errors);
  return res.data?.shortestPath ?? null;
}

export interface Communities {
  /** Actor id → community index (0: the largest). */
  of: Map<string, number>;
  count: number;
  modularity: number;
  /** Sizes by index. */
  sizes: number[];
}

/** Louvain communities of the scope (API `communities`). */
export async function loadCommunities(api: ApiClient, scope: Q.NetworkScope): Promise<Communities> {
  const res = await api.query<{ communities: { count: number; modularity: number; communities: { index: number; size: number; actors: { id: string }[] }[] } }>(Q.COMMUNITIES, { scope });
  const c = res.data?.communities;
  if (!c) fail(res.errors);
  const of = new Map<string, number>();
  for (const group of c.communities) for (const a of group.actors) of.set(a.id, group.index);
  return { of, count: c.count, modularity: c.modularity, sizes: c.communities.map((g) => g.size) };
}

/** Every metric of the table, by actor id (each the API's top 1,000 of the scope). */
export async function loadMetricTable(api: ApiClient, scope: Q.NetworkScope): Promise<Map<Q.TableMetric, Map<string, number>>> {
  const res = await api.query<Record<Q.TableMetric, { score: number; actor: { id: string } }[] | null>>(Q.METRIC_TABLE, { scope });
  const out = new Map<Q.TableMetric, Map<string, number>>();
  for (const m of Q.TABLE_METRICS) {
    const rows = res.data?.[m];
    if (!rows) fail(errorsFor(res, m));
    out.set(m, new Map(rows.map((r) => [r.actor.id, r.score])));
  }
  return out;
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
  return { nodes, edges, truncated: nodes.length >= 2000, mode: 'public', isolates: 0, actorCount: nodes.length };
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
