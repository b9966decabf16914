/**
 * The analysts' explorer: wires the controls, the state, the API and the views together.
 *
 *   api.ts        GraphQL client (key from localStorage or #key=…)
 *   queries.ts    the GraphQL documents        data.ts   loading, with the public-read fallback
 *   state.ts      scope/date/colour/size/view   i18n.ts   French and English
 *   graph-view.ts sigma.js + graphology + ForceAtlas2
 *   panels/       figures, actor card, search, legend, transversality
 *
 * Testable state is on `window.__explorer` and on `data-testid` / `data-state` attributes.
 */
import './styles.css';
import { ApiClient, initialKey, saveKey } from './api';
import { categories, categoryOf, type Category } from './colors';
import * as D from './data';
import { applyStatic, byId, h, saveFile } from './dom';
import { explain, isBadKey } from './errors';
import { GraphView } from './graph-view';
import { getLang, num, setLang, t, type Lang } from './i18n';
import { renderCard } from './panels/card';
import { renderFigures } from './panels/figures';
import { renderFilters } from './panels/filters';
import { renderFocus } from './panels/focus';
import { renderLegend } from './panels/legend';
import { setupSearch } from './panels/search';
import { renderTable, sortRows, toCsv, type Column, type TableRow } from './panels/table';
import { renderTransversality, type MatrixValue } from './panels/transversality';
import type { ActorDetail, ActorLite, Arrangement, TableMetric, Transversality } from './queries';
import { DATE_STEPS, METRICS, Store, asOf, filtersFromParams, filtersToParams, networkScope, parseScopeId, scopeId, scopeQueryString, type ColorBy, type ExplorerState, type Filters, type Metric, type View } from './state';
import { networkSvg, standaloneSvg, svgToPng } from './svg-export';

// ---------------------------------------------------------------------------------------------
// State, restored from the address (#scope=…&date=…) and localStorage (language, key)

function restoreState(): ExplorerState {
  const p = new URLSearchParams(location.hash.replace(/^#/, ''));
  const dateStep = DATE_STEPS.findIndex((d) => d.label === p.get('date'));
  const metric = p.get('size') as Metric | null;
  const color = p.get('color');
  const viewName = p.get('view');
  const ego = p.get('ego');
  let lang: Lang = 'fr';
  try {
    if (localStorage.getItem('agencement.lang') === 'en') lang = 'en';
  } catch {
    /* default */
  }
  return {
    scope: parseScopeId(p.get('scope') ?? 'program'),
    dateStep: dateStep >= 0 ? dateStep : DATE_STEPS.length - 1,
    colorBy: color === 'department' || color === 'community' ? color : 'sector',
    metric: metric && (METRICS as readonly string[]).includes(metric) ? metric : 'BETWEENNESS',
    view: viewName === 'transversality' || viewName === 'table' ? viewName : 'network',
    selected: null,
    lang,
    filters: filtersFromParams(p),
    focus: ego ? { actor: ego, depth: Math.min(3, Math.max(1, Number(p.get('depth')) || 1)) } : null,
    path: null,
  };
}

const api = new ApiClient(initialKey());
const store = new Store(restoreState());
setLang(store.get().lang);

function writeHash(s: ExplorerState): void {
  const p = new URLSearchParams();
  p.set('scope', scopeId(s.scope));
  p.set('date', DATE_STEPS[s.dateStep]!.label);
  if (s.colorBy !== 'sector') p.set('color', s.colorBy);
  if (s.metric !== 'BETWEENNESS') p.set('size', s.metric);
  if (s.view !== 'network') p.set('view', s.view);
  filtersToParams(s.filters, p);
  if (s.focus) (p.set('ego', s.focus.actor), p.set('depth', String(s.focus.depth)));
  history.replaceState(null, '', `${location.pathname}${location.search}#${p.toString()}`);
}

// ---------------------------------------------------------------------------------------------
// What was loaded (errors are kept as they came, and put in words when shown: the language may change)

let reference: D.Reference | null = null;
let referenceP: Promise<D.Reference> = new Promise(() => {});
let network: D.NetworkData | null = null;
/** The network's nodes and edges left after the drawing-only filters (kind, minimum degree). */
let drawn: { nodes: ActorLite[]; edges: D.NetworkData['edges']; hidden: number } = { nodes: [], edges: [], hidden: 0 };
let scores: Map<string, number> | null = null;
let scoresError: unknown = null;
let arrangement: Arrangement | null = null;
let arrangementError: unknown = null;
let arrangementLoading = false;
let communities: { key: string; data: D.Communities } | null = null;
let communitiesError: unknown = null;
let table: { key: string; metrics: Map<TableMetric, Map<string, number>> } | null = null;
let tableError: unknown = null;
let tableLoading = false;
let tableSort: { column: Column; descending: boolean } = { column: 'BETWEENNESS', descending: true };
let transversality: { asOf: string | null; data: Transversality } | null = null;
let transversalityError: unknown = null;
let matrixValue: MatrixValue = 'sharedOperations';
/** The shortest path shown: undefined while loading, null when there is none. */
let pathChain: ActorLite[] | null | undefined;
const actorCache = new Map<string, ActorDetail>();
let cardError: unknown = null;
let bannerError: unknown = null;
let statusError: unknown = null;
let keyRefused = false;
let generation = 0;
let scoreGeneration = 0;
let playing = false;

const view = new GraphView(byId('graph'));

interface DrawRecord {
  scope: string;
  asOf: string | null;
  nodes: number;
  edges: number;
  /** From the first request to the rendered frame. */
  ms: number;
  /** Graph building and ForceAtlas2. */
  layoutMs: number;
  /** sigma's first frame. */
  renderMs: number;
  mode: 'analytics' | 'public';
}

/** For tests and the curious: `window.__explorer`. */
const probe = {
  ready: false,
  loading: true,
  mode: null as null | 'analytics' | 'public',
  scope: '',
  asOf: null as string | null,
  nodes: 0,
  edges: 0,
  /** Actors of the scope without a bond (hidden or not), and those hidden by the drawing filters. */
  isolates: 0,
  hiddenByFilters: 0,
  ego: null as string | null,
  selected: null as string | null,
  path: null as string[] | null,
  lastDraw: null as DrawRecord | null,
  draws: [] as DrawRecord[],
  /** The dates drawn by the play button, in order. */
  played: [] as (string | null)[],
  playing: false,
  lastPng: null as null | { width: number; height: number; bytes: number; nodes: number; nodesInside: number },
  lastSvg: null as null | { nodes: number; edges: number; text: string },
  lastCsv: null as string | null,
  lastHeatMap: null as null | { format: 'png' | 'svg'; bytes: number; text: string | null },
  errors: [] as string[],
  /** The last GraphQL requests: operation name, milliseconds, HTTP status. */
  requests: [] as { operation: string; ms: number; status: number }[],
  labels: () => view.displayedLabels(),
  /** Boxes of the drawn labels, viewport pixels. */
  labelBoxes: () => view.labelBoxes(),
  /** Pixel position of an actor in the graph container (to click it). */
  position: (id: string) => view.viewportPosition(id),
  /** Colour category of a drawn actor (`ECONOMIC`, `community:0`, a department id, ...). */
  categoryOf: (id: string) => view.categoryOf(id),
  /** Drawn radius of an actor at the whole-network zoom, in pixels. */
  radius: (id: string) => view.radiusAtWholeView(id),
  state: () => store.get(),
};
(window as unknown as { __explorer: typeof probe }).__explorer = probe;
api.onTiming = (timing) => {
  probe.requests.push(timing);
  if (probe.requests.length > 50) probe.requests.shift();
};

// ---------------------------------------------------------------------------------------------
// Helpers

const hasKey = () => !!api.getKey();
/** An error in the page's language. */
const say = (err: unknown) => explain(err, hasKey()).text;

function noteBadKey(err: unknown): void {
  if (isBadKey(err, hasKey()) && !keyRefused) {
    keyRefused = true;
    syncControls(store.get());
  }
}

function renderBanner(): void {
  const el = byId('banner');
  const err = bannerError;
  el.hidden = !err;
  if (!err) {
    el.textContent = '';
    el.removeAttribute('data-detail');
    el.removeAttribute('title');
    return;
  }
  const e = explain(err, hasKey());
  el.textContent = e.text;
  el.dataset.detail = e.detail;
  el.dataset.code = e.code ?? '';
  el.title = e.detail;
}

function banner(err: unknown): void {
  bannerError = err ?? null;
  if (err) {
    noteBadKey(err);
    probe.errors.push(explain(err, hasKey()).detail);
  }
  renderBanner();
}

function scopeDataKey(): string {
  return JSON.stringify(networkScope(store.get()));
}

function currentCommunities(): D.Communities | null {
  return communities && communities.key === scopeDataKey() ? communities.data : null;
}

function currentCategories(): Category[] {
  return categories(store.get().colorBy, reference, currentCommunities());
}

function colorOfActor(a: { id: string; sector: string }): { color: string; category: string } {
  const key = categoryOf(store.get().colorBy, a, reference, currentCommunities());
  const cat = currentCategories().find((c) => c.key === key);
  return { color: cat?.color ?? '#b8bcc4', category: key };
}

function sizeScores(): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const n of drawn.nodes) out.set(n.id, scores ? (scores.get(n.id) ?? 0) : view.degree(n.id));
  return out;
}

function metricLabel(): string {
  return scores ? t(`metric.${store.get().metric}`) : t('metric.DEGREE');
}

function fileStem(): string {
  const s = store.get();
  const ego = s.focus ? `-ego-${s.focus.actor}` : '';
  return `agencement-${scopeId(s.scope).replace(':', '-')}${ego}-${asOf(s) ?? 'today'}`;
}

function actorName(id: string): string {
  return actorCache.get(id)?.name ?? network?.nodes.find((n) => n.id === id)?.name ?? pathChain?.find((a) => a.id === id)?.name ?? id;
}

// ---------------------------------------------------------------------------------------------
// Controls

function fillControls(): void {
  const s = store.get();
  const scopeSel = byId<HTMLSelectElement>('scope');
  const ops = reference?.operations ?? [];
  const commons = reference?.commons ?? [];
  scopeSel.replaceChildren(
    h('option', { value: 'program' }, t('scope.program')),
    h('optgroup', { label: t('scope.operations') }, ...ops.map((o) => h('option', { value: `operation:${o.code}` }, o.name))),
    h('optgroup', { label: t('scope.commons') }, ...commons.map((c) => h('option', { value: `common:${c.code}` }, getLang() === 'en' && c.nameEn ? c.nameEn : c.name))),
  );
  scopeSel.value = scopeId(s.scope);

  const metricSel = byId<HTMLSelectElement>('metric');
  metricSel.replaceChildren(...METRICS.map((m) => h('option', { value: m }, t(`metric.${m}`))));
  metricSel.value = s.metric;

  byId('date-ticks').replaceChildren(...DATE_STEPS.map((_d, i) => h('option', { value: String(i) })));
  byId('date-tick-labels').replaceChildren(...DATE_STEPS.map((d) => h('span', {}, d.asOf ? d.label : t('date.today'))));
  renderFiltersNow();
  syncControls(s);
}

function renderFiltersNow(): void {
  renderFilters(byId('filters'), { filters: store.get().filters, onChange: (filters: Filters) => store.set({ filters }) });
}

function syncControls(s: ExplorerState): void {
  byId<HTMLInputElement>('date').value = String(s.dateStep);
  const date = asOf(s);
  byId('date-label').textContent = date ? t('date.asOf', { date: new Date(`${date}T00:00:00Z`).toLocaleDateString(getLang() === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: 'UTC' }) }) : t('date.today');
  for (const b of Array.from(byId('color-by').querySelectorAll<HTMLButtonElement>('button'))) b.setAttribute('aria-pressed', String(b.dataset.value === s.colorBy));
  for (const b of Array.from(byId('views').querySelectorAll<HTMLButtonElement>('button'))) b.setAttribute('aria-selected', String(b.dataset.value === s.view));
  byId('network-view').hidden = s.view === 'transversality';
  byId('graph-area').hidden = s.view !== 'network';
  byId('table-view').hidden = s.view !== 'table';
  byId('transversality-view').hidden = s.view !== 'transversality';
  byId<HTMLSelectElement>('metric').disabled = !!network && network.mode === 'public';
  const community = byId('color-by').querySelector<HTMLButtonElement>('[data-value="community"]');
  if (community) community.disabled = !!network && network.mode === 'public';
  byId<HTMLAnchorElement>('export-gexf').href = `../export/network.gexf?${scopeQueryString(s)}`;
  byId('lang').textContent = t('lang.switch');
  byId('lang').title = t('lang.switchTitle');
  const status = byId('key-status');
  status.textContent = keyRefused ? t('key.refused') : api.getKey() ? t('key.set') : t('key.none');
  status.dataset.state = keyRefused ? 'refused' : api.getKey() ? 'set' : 'none';
  const play = byId('play');
  play.textContent = playing ? t('play.stop') : t('play.start');
  play.dataset.state = playing ? 'playing' : 'stopped';
}

function bindControls(): void {
  byId<HTMLSelectElement>('scope').addEventListener('change', (e) => store.set({ scope: parseScopeId((e.target as HTMLSelectElement).value), focus: null, path: null }));
  byId<HTMLInputElement>('date').addEventListener('input', (e) => store.set({ dateStep: Number((e.target as HTMLInputElement).value) }));
  byId<HTMLSelectElement>('metric').addEventListener('change', (e) => store.set({ metric: (e.target as HTMLSelectElement).value as Metric }));
  byId('color-by').addEventListener('click', (e) => {
    const v = (e.target as HTMLElement).closest<HTMLButtonElement>('button')?.dataset.value;
    if (v) store.set({ colorBy: v as ColorBy });
  });
  byId('views').addEventListener('click', (e) => {
    const v = (e.target as HTMLElement).closest<HTMLButtonElement>('button')?.dataset.value;
    if (v) store.set({ view: v as View });
  });
  byId('lang').addEventListener('click', () => store.set({ lang: getLang() === 'fr' ? 'en' : 'fr' }));
  byId('play').addEventListener('click', () => (playing ? stopPlaying() : void play()));

  const keyInput = byId<HTMLInputElement>('key');
  keyInput.value = api.getKey();
  byId('key-form').addEventListener('submit', (e) => {
    e.preventDefault();
    api.setKey(keyInput.value);
    saveKey(api.getKey());
    void restart();
  });
  byId('key-forget').addEventListener('click', () => {
    keyInput.value = '';
    api.setKey('');
    saveKey('');
    void restart();
  });

  byId('export-gexf').addEventListener('click', (e) => {
    e.preventDefault();
    void exportGexf();
  });
  byId('export-png').addEventListener('click', exportPng);
  byId('export-svg').addEventListener('click', exportSvg);

  setupSearch({
    input: byId<HTMLInputElement>('search'),
    results: byId('search-results'),
    search: (text) => D.searchActors(api, text),
    inView: (id) => view.has(id),
    colorOf: (a) => colorOfActor(a).color,
    onPick: (a: ActorLite) => store.set({ selected: a.id }),
    onError: (err) => banner(err),
  });

  view.onSelect = (id) => store.set({ selected: id });
  byId('zoom').addEventListener('click', (e) => {
    const v = (e.target as HTMLElement).closest<HTMLButtonElement>('button')?.dataset.zoom;
    if (v) view.zoom(v === 'reset' ? null : Number(v));
  });
  byId('isolates-note').addEventListener('click', (e) => {
    if (!(e.target as HTMLElement).closest('button')) return;
    const f = store.get().filters;
    store.set({ filters: { ...f, hideIsolates: !f.hideIsolates } });
  });
  // The graph's box changes with the window, the banner, the responsive layout: follow it.
  let resizeTimer: number | undefined;
  new ResizeObserver(() => {
    window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(() => view.resize(), 60);
  }).observe(byId('graph'));
}

// ---------------------------------------------------------------------------------------------
// The play button: one year after the other, each drawn before the next

let drawWaiters: (() => void)[] = [];
const nextDraw = () => new Promise<void>((resolve) => drawWaiters.push(resolve));

async function play(): Promise<void> {
  playing = true;
  probe.playing = true;
  probe.played = [];
  syncControls(store.get());
  const last = DATE_STEPS.length - 1;
  if (store.get().dateStep === last) {
    const drawnNext = nextDraw();
    store.set({ dateStep: 0 });
    await drawnNext;
  }
  while (playing) {
    probe.played.push(asOf(store.get()));
    await new Promise((r) => setTimeout(r, 900)); // time to look at the year
    if (!playing || store.get().dateStep >= last) break;
    const drawnNext = nextDraw();
    store.set({ dateStep: store.get().dateStep + 1 });
    await drawnNext;
  }
  stopPlaying();
}

function stopPlaying(): void {
  playing = false;
  probe.playing = false;
  syncControls(store.get());
}

// ---------------------------------------------------------------------------------------------
// Loading and drawing

function setStatus(state: 'loading' | 'ready' | 'error', text: string): void {
  const el = byId('status');
  const s = store.get();
  el.dataset.state = state;
  el.dataset.scope = scopeId(s.scope);
  el.dataset.asOf = asOf(s) ?? '';
  el.dataset.ego = s.focus?.actor ?? '';
  el.dataset.nodes = String(view.nodeCount);
  el.dataset.edges = String(view.edgeCount);
  el.textContent = text;
}

function showStatusError(err: unknown): void {
  statusError = err;
  noteBadKey(err);
  setStatus('error', say(err));
}

/** Loads the scope's network (or the ego network), scores, communities and figures in parallel, then draws. */
async function loadScope(): Promise<void> {
  const mine = ++generation;
  const s = store.get();
  const scope = networkScope(s);
  const t0 = performance.now();
  probe.ready = false;
  probe.loading = true;
  statusError = null;
  setStatus('loading', t('status.loading'));
  const groupBy = s.colorBy === 'department' ? 'DEPARTMENT' : 'SECTOR';
  const netP = s.focus ? D.loadEgo(api, s.focus.actor, s.focus.depth, scope) : D.loadNetwork(api, scope, referenceP, s.filters.hideIsolates);
  const scoreP = D.loadCentrality(api, scope, s.metric);
  scoreP.catch(() => undefined); // read below, or not at all when analytics are refused
  const commP = s.colorBy === 'community' ? loadCommunitiesNow() : Promise.resolve();
  void loadArrangement(mine, scope, groupBy);
  try {
    const net = await netP;
    await referenceP; // colours by department need it
    let sc: Map<string, number> | null = null;
    let scErr: unknown = null;
    try {
      sc = net.mode === 'analytics' ? await scoreP : null;
    } catch (err) {
      scErr = err;
    }
    await commP;
    if (mine !== generation) return;
    network = net;
    scores = sc;
    scoresError = scErr;
    setStatus('loading', t('status.layout'));
    // Let the status paint before the synchronous layout.
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    if (mine !== generation) return;
    draw(t0);
    if (store.get().view === 'table') void loadTable();
    if (store.get().path?.to) void loadPathNow();
  } catch (err) {
    if (mine !== generation) return;
    probe.loading = false;
    showStatusError(err);
    banner(err);
    for (const resolve of drawWaiters.splice(0)) resolve();
  }
}

/** Applies the drawing-only filters (kinds, then the minimum degree among what is left). */
function visibleNetwork(net: D.NetworkData, f: Filters): typeof drawn {
  let nodes = f.kinds.length ? net.nodes.filter((n) => f.kinds.includes(n.kind)) : net.nodes;
  let keep = new Set(nodes.map((n) => n.id));
  let edges = net.edges.filter((e) => keep.has(e.source) && keep.has(e.target));
  if (f.minDegree > 0) {
    const degree = new Map<string, number>();
    for (const e of edges) for (const end of [e.source, e.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
    nodes = nodes.filter((n) => (degree.get(n.id) ?? 0) >= f.minDegree);
    keep = new Set(nodes.map((n) => n.id));
    edges = edges.filter((e) => keep.has(e.source) && keep.has(e.target));
  }
  return { nodes, edges, hidden: net.nodes.length - nodes.length };
}

function layoutKey(s: ExplorerState): string {
  return s.focus ? `${scopeId(s.scope)}|ego:${s.focus.actor}:${s.focus.depth}` : scopeId(s.scope);
}

function draw(t0: number): void {
  const net = network!;
  const s = store.get();
  drawn = visibleNetwork(net, s.filters);
  // Without analytics (public reads), sizes follow the number of bonds drawn.
  const degree = new Map<string, number>();
  if (!scores) for (const e of drawn.edges) for (const end of [e.source, e.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
  const nodes = drawn.nodes.map((n) => ({ id: n.id, label: n.name, ...colorOfActor(n), score: scores ? (scores.get(n.id) ?? 0) : (degree.get(n.id) ?? 0) }));
  const key = layoutKey(s);
  const { layoutMs, renderMs } = view.draw({ layoutKey: key, nodes, edges: drawn.edges });
  const ms = Math.round(performance.now() - t0);
  const record: DrawRecord = { scope: scopeId(s.scope), asOf: asOf(s), nodes: view.nodeCount, edges: view.edgeCount, ms, layoutMs: Math.round(layoutMs), renderMs: Math.round(renderMs), mode: net.mode };
  probe.lastDraw = record;
  probe.draws.push(record);
  if (probe.draws.length > 20) probe.draws.shift();
  Object.assign(probe, { mode: net.mode, scope: scopeId(s.scope), asOf: asOf(s), nodes: view.nodeCount, edges: view.edgeCount, isolates: net.isolates, hiddenByFilters: drawn.hidden, ego: s.focus?.actor ?? null, ready: true, loading: false });
  renderStatus();
  banner(net.refused ?? scoresError ?? (s.colorBy === 'community' ? communitiesError : null));
  renderLegendNow();
  renderCardNow();
  renderFocusNow();
  if (s.view === 'table') renderTableNow();
  syncControls(s);
  for (const resolve of drawWaiters.splice(0)) resolve();
}

function renderStatus(): void {
  if (statusError) return setStatus('error', say(statusError));
  const net = network;
  if (!net) return;
  const notes = [net.nodes.length ? t('status.ready', { nodes: view.nodeCount, edges: view.edgeCount, ms: probe.lastDraw?.ms ?? 0 }) : t('status.empty')];
  if (drawn.hidden) notes.push(t('status.filtered', { n: drawn.hidden }));
  if (net.truncated) notes.push(t('status.truncated'));
  if (net.mode === 'public') notes.push(t('status.anonymous'));
  setStatus('ready', notes.join(' · '));
  // Isolates: how many, and the switch, beside the status (the status itself lets clicks through).
  const note = byId('isolates-note');
  const hidden = store.get().filters.hideIsolates;
  note.hidden = !net.isolates || !!store.get().focus;
  note.dataset.count = String(net.isolates);
  note.dataset.hidden = String(hidden);
  note.replaceChildren(
    h('span', {}, hidden ? (net.isolates === 1 ? t('status.isolateHidden') : t('status.isolatesHidden', { n: num(net.isolates, 0) })) : t('status.isolatesShown', { n: num(net.isolates, 0) })),
    ' ',
    h('button', { type: 'button', class: 'link', 'data-testid': 'isolates-toggle' }, hidden ? t('isolates.show') : t('isolates.hide')),
  );
}

async function loadArrangement(mine: number, scope: ReturnType<typeof networkScope>, groupBy: 'SECTOR' | 'DEPARTMENT'): Promise<void> {
  arrangementLoading = true;
  arrangement = null;
  arrangementError = null;
  renderFiguresNow();
  try {
    const a = await D.loadArrangement(api, scope, groupBy);
    if (mine !== generation) return;
    arrangement = a;
  } catch (err) {
    if (mine !== generation) return;
    arrangementError = err;
    noteBadKey(err);
  }
  arrangementLoading = false;
  renderFiguresNow();
  renderCardNow();
}

async function loadCommunitiesNow(): Promise<void> {
  const key = scopeDataKey();
  if (communities?.key === key) return;
  communitiesError = null;
  try {
    const data = await D.loadCommunities(api, networkScope(store.get()));
    communities = { key, data };
  } catch (err) {
    communitiesError = err;
  }
}

async function rescore(): Promise<void> {
  const mine = ++scoreGeneration;
  const scopeGeneration = generation;
  const s = store.get();
  try {
    const sc = await D.loadCentrality(api, networkScope(s), s.metric);
    if (mine !== scoreGeneration || scopeGeneration !== generation) return;
    scores = sc;
    scoresError = null;
  } catch (err) {
    if (mine !== scoreGeneration || scopeGeneration !== generation) return;
    scores = null;
    scoresError = err;
  }
  view.rescore(sizeScores());
  renderLegendNow();
  renderCardNow();
}

async function recolor(): Promise<void> {
  if (store.get().colorBy === 'community') await loadCommunitiesNow();
  if (!network) return;
  view.recolor((id) => colorOfActor(network!.nodes.find((n) => n.id === id) ?? { id, sector: '' }));
  banner(network.refused ?? scoresError ?? (store.get().colorBy === 'community' ? communitiesError : null));
  renderLegendNow();
  renderCardNow();
  if (store.get().view === 'table') renderTableNow();
}

async function loadTable(): Promise<void> {
  const key = scopeDataKey();
  if (!network || network.mode !== 'analytics') {
    tableError = network?.refused ?? null;
    return renderTableNow();
  }
  if (table?.key !== key) {
    tableLoading = true;
    tableError = null;
    renderTableNow();
    try {
      const metrics = await D.loadMetricTable(api, networkScope(store.get()));
      table = { key, metrics };
    } catch (err) {
      tableError = err;
    }
    tableLoading = false;
    if (key !== scopeDataKey()) return;
  }
  renderTableNow();
}

function tableRows(): TableRow[] {
  const metrics = table?.key === scopeDataKey() ? table.metrics : null;
  const comm = currentCommunities();
  return drawn.nodes.map((actor) => ({
    actor,
    community: comm?.of.get(actor.id) ?? null,
    degreeInView: view.degree(actor.id),
    metrics: Object.fromEntries([...(metrics ?? new Map())].map(([m, byId]) => [m, byId.get(actor.id)]).filter(([, v]) => v != null)),
  }));
}

function renderTableNow(): void {
  renderTable(byId('table-view'), {
    rows: tableRows(),
    loading: tableLoading,
    error: tableError ? say(tableError) : null,
    sort: tableSort,
    onSort: (column) => {
      tableSort = { column, descending: tableSort.column === column ? !tableSort.descending : !['name', 'kind', 'sector'].includes(column) };
      renderTableNow();
    },
    onCsv: () => {
      const rows = tableRows();
      const csv = toCsv(sortRows(rows, tableSort), rows.some((r) => r.community != null));
      probe.lastCsv = csv;
      saveFile(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `${fileStem()}-actors.csv`);
    },
    onSelect: (id) => store.set({ selected: id, view: 'network' }),
  });
}

async function loadTransversalityView(): Promise<void> {
  const s = store.get();
  const date = asOf(s);
  const root = byId('transversality-view');
  if (transversality && transversality.asOf === date) return renderTransversalityNow();
  transversality = null;
  transversalityError = null;
  renderTransversalityNow(true);
  try {
    const data = await D.loadTransversality(api, date);
    if (asOf(store.get()) !== date) return;
    transversality = { asOf: date, data };
  } catch (err) {
    transversalityError = err;
    noteBadKey(err);
  }
  renderTransversalityNow();
  root.dataset.asOf = date ?? '';
}

async function loadPathNow(): Promise<void> {
  const s = store.get();
  const p = s.path;
  if (!p?.to) return;
  pathChain = undefined;
  renderFocusNow();
  try {
    const chain = await D.loadPath(api, p.from, p.to, networkScope(s));
    if (store.get().path !== p) return;
    pathChain = chain;
  } catch (err) {
    pathChain = null;
    banner(err);
  }
  probe.path = pathChain ? pathChain.map((a) => a.id) : null;
  view.showPath(pathChain ? pathChain.map((a) => a.id) : []);
  renderFocusNow();
}

// ---------------------------------------------------------------------------------------------
// Rendering the panels

function renderFiguresNow(): void {
  renderFigures(byId('figures'), {
    arrangement,
    error: arrangementError ? say(arrangementError) : null,
    loading: arrangementLoading,
    categories: currentCategories(),
    onSelect: (id) => store.set({ selected: id }),
  });
}

function renderLegendNow(): void {
  const counts = new Map<string, number>();
  for (const n of drawn.nodes) {
    const k = colorOfActor(n).category;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const comm = store.get().colorBy === 'community' ? currentCommunities() : null;
  renderLegend(byId('legend'), {
    categories: currentCategories(),
    counts,
    sizeLabel: metricLabel(),
    maxScore: view.largestScore,
    order: view.nodeCount,
    note: comm ? t('legend.communities', { count: comm.count, q: num(comm.modularity) }) : null,
  });
}

function renderCardNow(): void {
  const s = store.get();
  const id = s.selected;
  const actor = id ? (actorCache.get(id) ?? null) : null;
  const analytics = network?.mode === 'analytics';
  renderCard(byId('card'), {
    actorId: id,
    actor,
    loading: !!id && !actor && !cardError,
    error: cardError ? say(cardError) : null,
    color: actor ? colorOfActor(actor).color : null,
    inView: !!id && view.has(id),
    degreeInView: id ? view.degree(id) : 0,
    broker: arrangement?.topBrokers.find((b) => b.actor.id === id) ?? null,
    brokersKnown: !!arrangement,
    score: id && scores && view.has(id) ? { metric: t(`metric.${s.metric}`), value: scores.get(id) ?? 0 } : null,
    onClose: () => store.set({ selected: null }),
    onEgo: analytics && id ? () => store.set({ focus: { actor: id, depth: 1 }, path: null }) : null,
    onPathFrom: analytics && id ? () => store.set({ path: { from: id, to: null } }) : null,
  });
}

function renderFocusNow(): void {
  const s = store.get();
  const p = s.path;
  const hidden = pathChain ? pathChain.filter((a) => !view.has(a.id)).length : 0;
  renderFocus(byId('focus-bar'), {
    ego: s.focus ? { name: actorName(s.focus.actor), depth: s.focus.depth } : null,
    onDepth: (depth) => store.set({ focus: { actor: s.focus!.actor, depth } }),
    onBack: () => store.set({ focus: null }),
    path: p ? { fromName: actorName(p.from), toName: p.to ? actorName(p.to) : '', pickingFrom: !p.to, chain: p.to ? pathChain : undefined, hidden } : null,
    onClearPath: () => store.set({ path: null }),
    onSelect: (id) => store.set({ selected: id }),
  });
}

function renderTransversalityNow(loading = false): void {
  const s = store.get();
  const date = asOf(s);
  renderTransversality(byId('transversality-view'), {
    data: transversality?.data ?? null,
    error: transversalityError ? say(transversalityError) : null,
    loading,
    value: matrixValue,
    onValue: (v) => {
      matrixValue = v;
      renderTransversalityNow();
    },
    year: date ? Number(date.slice(0, 4)) : null,
    onExportHeatMap: (format, svg) => void exportHeatMap(format, svg),
  });
}

async function selectActor(id: string | null): Promise<void> {
  probe.selected = id;
  cardError = null;
  view.select(id);
  renderCardNow();
  if (!id || actorCache.has(id)) return;
  try {
    const a = await D.loadActor(api, id);
    if (a) actorCache.set(id, a);
    else cardError = new Error(`${id} ?`);
  } catch (err) {
    cardError = err;
  }
  if (store.get().selected === id) renderCardNow();
  renderFocusNow();
}

// ---------------------------------------------------------------------------------------------
// Exports

async function exportGexf(): Promise<void> {
  const link = byId<HTMLAnchorElement>('export-gexf');
  try {
    saveFile(await api.download(link.href), `${fileStem()}.gexf`);
  } catch (err) {
    banner(err);
  }
}

function exportTitles(): { title: string; subtitle: string } {
  const scopeName = byId<HTMLSelectElement>('scope').selectedOptions[0]?.textContent ?? '';
  const focus = store.get().focus;
  const date = byId('date-label').textContent ?? '';
  const counts = t('status.ready', { nodes: view.nodeCount, edges: view.edgeCount, ms: 0 }).split(' — ')[0];
  return {
    title: `${focus ? `${t('focus.ego', { name: actorName(focus.actor) })} — ` : ''}${scopeName} — ${date}`,
    subtitle: `${counts} — ${t('legend.size', { metric: metricLabel() })} — Agencement`,
  };
}

function exportPng(): void {
  const s = store.get();
  if (s.view !== 'network') store.set({ view: 'network' });
  const { title, subtitle } = exportTitles();
  const { url, nodesInside } = view.toPng(title, subtitle, currentCategories());
  const img = new Image();
  img.onload = () => (probe.lastPng = { width: img.width, height: img.height, bytes: Math.round((url.length * 3) / 4), nodes: view.nodeCount, nodesInside });
  img.src = url;
  saveFile(url, `${fileStem()}.png`);
}

function exportSvg(): void {
  if (store.get().view !== 'network') store.set({ view: 'network' });
  const { title, subtitle } = exportTitles();
  const text = networkSvg(view.picture(), title, subtitle, currentCategories());
  probe.lastSvg = { nodes: view.nodeCount, edges: view.edgeCount, text };
  saveFile(new Blob([text], { type: 'image/svg+xml' }), `${fileStem()}.svg`);
}

async function exportHeatMap(format: 'png' | 'svg', svg: SVGSVGElement): Promise<void> {
  const date = byId('date-label').textContent ?? '';
  const doc = standaloneSvg(svg, `${t('trans.matrix')} — ${matrixValue === 'bonds' ? t('trans.bonds') : t('trans.sharedOperations')} — ${date}`);
  const name = `agencement-transversality-${asOf(store.get()) ?? 'today'}`;
  if (format === 'svg') {
    probe.lastHeatMap = { format, bytes: doc.text.length, text: doc.text };
    return saveFile(new Blob([doc.text], { type: 'image/svg+xml' }), `${name}.svg`);
  }
  try {
    const url = await svgToPng(doc);
    probe.lastHeatMap = { format, bytes: Math.round((url.length * 3) / 4), text: null };
    saveFile(url, `${name}.png`);
  } catch (err) {
    banner(err);
  }
}

// ---------------------------------------------------------------------------------------------
// Reactions to state changes

store.subscribe((s, changed) => {
  writeHash(s);
  if (changed.has('lang')) {
    setLang(s.lang);
    try {
      localStorage.setItem('agencement.lang', s.lang);
    } catch {
      /* ignore */
    }
    applyStatic();
    fillControls();
    renderFiguresNow();
    renderLegendNow();
    renderCardNow();
    renderFocusNow();
    renderBanner();
    if (s.view === 'table') renderTableNow();
    if (transversality || transversalityError) renderTransversalityNow();
    renderStatus();
  }
  if (changed.has('filters')) renderFiltersNow();
  syncControls(s);
  const filtersChanged = changed.has('filters');
  if (changed.has('scope') || changed.has('dateStep') || changed.has('focus') || filtersChanged) {
    void loadScope();
  } else {
    if (changed.has('colorBy')) {
      void recolor();
      if (network) void loadArrangement(generation, networkScope(s), s.colorBy === 'department' ? 'DEPARTMENT' : 'SECTOR');
    }
    if (changed.has('metric') && network?.mode === 'analytics') void (probe.loading ? loadScope() : rescore());
  }
  if (s.view === 'transversality' && (changed.has('view') || changed.has('dateStep'))) void loadTransversalityView();
  if (changed.has('view') && s.view === 'table' && network) void loadTable();
  if (changed.has('view') && s.view === 'network') view.resize();
  if (changed.has('selected')) {
    void selectActor(s.selected);
    // Picking the end of a path: the next actor chosen.
    if (s.path && !s.path.to && s.selected && s.selected !== s.path.from) store.set({ path: { from: s.path.from, to: s.selected } });
  }
  if (changed.has('path')) {
    pathChain = undefined;
    probe.path = null;
    if (!s.path) view.showPath([]);
    if (s.path?.to) void loadPathNow();
    else renderFocusNow();
  }
});

/** (Re)starts with the current key: reference lists and the scope, in parallel. */
async function restart(): Promise<void> {
  keyRefused = false;
  banner(null);
  actorCache.clear();
  transversality = null;
  communities = null;
  table = null;
  syncControls(store.get());
  referenceP = D.loadReference(api);
  referenceP.catch(() => undefined);
  const scopeLoaded = loadScope();
  try {
    reference = await referenceP;
  } catch (err) {
    generation++; // the scope cannot be drawn without them
    probe.loading = false;
    showStatusError(err);
    banner(err);
    // Nothing else will answer either: say so everywhere instead of "Loading…".
    arrangementLoading = false;
    arrangementError = err;
    renderFiguresNow();
    if (store.get().view === 'transversality') {
      transversalityError = err;
      renderTransversalityNow();
    }
    return;
  }
  fillControls();
  await scopeLoaded;
  if (store.get().view === 'transversality') void loadTransversalityView();
}

applyStatic();
fillControls();
bindControls();
view.prepare(); // WebGL set up while the first answers travel
renderCardNow();
renderFiguresNow();
void restart();
