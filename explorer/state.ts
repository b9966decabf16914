/**
 * What the analyst is looking at: the scope (whole program, an operation or a common), the date,
 * how nodes are coloured and sized, the view and the selected actor. One store, plain listeners.
 */
import type { Lang } from './i18n';
import type { NetworkScope } from './queries';

export type ScopeChoice = { kind: 'program' } | { kind: 'operation'; code: string } | { kind: 'common'; code: string };
export type ColorBy = 'sector' | 'department' | 'community';
export type View = 'network' | 'table' | 'transversality';

export const SECTORS = ['PUBLIC_ADMINISTRATION', 'POLITICAL', 'ECONOMIC', 'CIVIL_SOCIETY', 'RESEARCH', 'CITIZENS'] as const;
export const KINDS = ['ORGANIZATION', 'PERSON', 'DEPARTMENT', 'GOVERNANCE_BODY', 'COLLECTIVE'] as const;
export const BOND_KINDS = ['COLLABORATES_WITH', 'FUNDS', 'SUPPLIES', 'ADVISES', 'MEMBER_OF', 'REPRESENTS', 'CO_MANAGES', 'CONTRACTS_WITH', 'INFORMS'] as const;

/**
 * What is drawn of the scope. Sectors, bond kinds, source and tag narrow the analysed network (the
 * API's scope: figures and metrics follow); kinds and the minimum degree only hide actors from the
 * drawing and the table; isolates are left out by the API (`network(hideIsolates)`) and counted.
 * Empty lists mean "all".
 */
export interface Filters {
  sectors: string[];
  kinds: string[];
  bondKinds: string[];
  source: string;
  tag: string;
  minDegree: number;
  hideIsolates: boolean;
}

export const NO_FILTERS: Filters = { sectors: [], kinds: [], bondKinds: [], source: '', tag: '', minDegree: 0, hideIsolates: true };

/** Instead of the scope's whole network: an actor's ego network (API `egoNetwork`). */
export interface Focus {
  actor: string;
  depth: number;
}

export const METRICS = ['BETWEENNESS', 'DEGREE', 'CLOSENESS', 'EIGENVECTOR', 'PAGERANK', 'EFFECTIVE_SIZE'] as const;
export type Metric = (typeof METRICS)[number];

/** The date slider: the end of each year of the program's data, then today (no `asOf`). */
export const DATE_STEPS: { label: string; asOf: string | null }[] = [
  { label: '2011', asOf: '2011-12-31' },
  { label: '2012', asOf: '2012-12-31' },
  { label: '2013', asOf: '2013-12-31' },
  { label: '2014', asOf: '2014-12-31' },
  { label: '2015', asOf: '2015-12-31' },
  { label: 'today', asOf: null },
];

export interface ExplorerState {
  scope: ScopeChoice;
  dateStep: number;
  colorBy: ColorBy;
  metric: Metric;
  view: View;
  selected: string | null;
  lang: Lang;
  filters: Filters;
  focus: Focus | null;
  /** The ends of a shortest path to show (API `shortestPath`); `to` null while it is being picked. */
  path: { from: string; to: string | null } | null;
}

type Listener = (state: ExplorerState, changed: Set<keyof ExplorerState>) => void;

export class Store {
  private listeners: Listener[] = [];

  constructor(private state: ExplorerState) {}

  get(): ExplorerState {
    return this.state;
  }

  set(patch: Partial<ExplorerState>): void {
    const changed = new Set<keyof ExplorerState>();
    for (const [k, v] of Object.entries(patch) as [keyof ExplorerState, unknown][]) {
      if (JSON.stringify(this.state[k]) !== JSON.stringify(v)) changed.add(k);
    }
    if (!changed.size) return;
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l(this.state, changed);
  }

  subscribe(listener: Listener): void {
    this.listeners.push(listener);
  }
}

export function asOf(state: ExplorerState): string | null {
  return DATE_STEPS[state.dateStep]?.asOf ?? null;
}

/** The GraphQL `NetworkScope` of the state (also the export's query parameters). */
export function networkScope(state: ExplorerState): NetworkScope {
  const scope: NetworkScope = {};
  if (state.scope.kind === 'operation') scope.operation = state.scope.code;
  if (state.scope.kind === 'common') scope.common = state.scope.code;
  const f = state.filters;
  if (f.sectors.length) scope.sectors = [...f.sectors];
  if (f.bondKinds.length) scope.bondKinds = [...f.bondKinds];
  if (f.source.trim()) scope.source = f.source.trim();
  if (f.tag.trim()) scope.tags = [f.tag.trim()];
  const date = asOf(state);
  if (date) scope.asOf = date;
  return scope;
}

/** The filters as address parameters (only those differing from the defaults). */
export function filtersToParams(f: Filters, p: URLSearchParams): void {
  if (f.sectors.length) p.set('sectors', f.sectors.join(','));
  if (f.kinds.length) p.set('kinds', f.kinds.join(','));
  if (f.bondKinds.length) p.set('bondKinds', f.bondKinds.join(','));
  if (f.source) p.set('source', f.source);
  if (f.tag) p.set('tag', f.tag);
  if (f.minDegree) p.set('minDegree', String(f.minDegree));
  if (!f.hideIsolates) p.set('isolates', 'show');
}

export function filtersFromParams(p: URLSearchParams): Filters {
  const list = (name: string, allowed: readonly string[]) => (p.get(name) ?? '').split(',').filter((v) => allowed.includes(v));
  const minDegree = Number(p.get('minDegree') ?? 0);
  return {
    sectors: list('sectors', SECTORS),
    kinds: list('kinds', KINDS),
    bondKinds: list('bondKinds', BOND_KINDS),
    source: p.get('source') ?? '',
    tag: p.get('tag') ?? '',
    minDegree: Number.isInteger(minDegree) && minDegree > 0 ? minDegree : 0,
    hideIsolates: p.get('isolates') !== 'show',
  };
}

/** `operation=FOOD_GOVERNANCE&asOf=2012-12-31`, for `/export/network.gexf?…`. */
export function scopeQueryString(state: ExplorerState): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(networkScope(state))) if (v) params.set(k, String(v));
  return params.toString();
}

/** A stable name of the scope without the date: layouts are kept per scope across dates. */
export function scopeId(scope: ScopeChoice): string {
  return scope.kind === 'program' ? 'program' : `${scope.kind}:${scope.code}`;
}

export function parseScopeId(id: string): ScopeChoice {
  const [kind, code] = id.split(':');
  if ((kind === 'operation' || kind === 'common') && code) return { kind, code };
  return { kind: 'program' };
}
