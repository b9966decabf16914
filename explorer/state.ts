/**
 * What the analyst is looking at: the scope (whole program, an operation or a common), the date,
 * how nodes are coloured and sized, the view and the selected actor. One store, plain listeners.
 */
import type { Lang } from './i18n';
import type { NetworkScope } from './queries';

export type ScopeChoice = { kind: 'program' } | { kind: 'operation'; code: string } | { kind: 'common'; code: string };
export type ColorBy = 'sector' | 'department';
export type View = 'network' | 'transversality';

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
  const date = asOf(state);
  if (date) scope.asOf = date;
  return scope;
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
