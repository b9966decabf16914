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
import { ApiClient, TransportError, initialKey, saveKey } from './api';
import { categories, categoryOf, type Category } from './colors';
import * as D from './data';
import { byId, h } from './dom';
import { GraphView } from './graph-view';
import { applyStatic, getLang, setLang, t, type Lang } from './i18n';
import { renderCard } from './panels/card';
import { renderFigures } from './panels/figures';
import { renderLegend } from './panels/legend';
import { setupSearch } from './panels/search';
import { renderTransversality, type MatrixValue } from './panels/transversality';
import type { ActorDetail, ActorLite, Arrangement, Transversality } from './queries';
import { DATE_STEPS, METRICS, Store, asOf, networkScope, parseScopeId, scopeId, scopeQueryString, type ColorBy, type ExplorerState, type Metric, type View } from './state';

// ---------------------------------------------------------------------------------------------
// State, restored from the address (#scope=…&date=…) and localStorage (language, key)

function restoreState(): ExplorerState {
  const p = new URLSearchParams(location.hash.replace(/^#/, ''));
  const dateStep = DATE_STEPS.findIndex((d) => d.label === p.get('date'));
  const metric = p.get('size') as Metric | null;
  let lang: Lang = 'fr';
  try {
    if (localStorage.getItem('agencement.lang') === 'en') lang = 'en';
  } catch {
    /* default */
  }
  return {
    scope: parseScopeId(p.get('scope') ?? 'program'),
    dateStep: dateStep >= 0 ? dateStep : DATE_STEPS.length - 1,
    colorBy: p.get('color') === 'department' ? 'department' : 'sector',
    metric: metric && (METRICS as readonly string[]).includes(metric) ? metric : 'BETWEENNESS',
    view: p.get('view') === 'transversality' ? 'transversality' : 'network',
    selected: null,
    lang,
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
  history.replaceState(null, '', `${location.pathname}${location.search}#${p.toString()}`);
}

// ---------------------------------------------------------------------------------------------
// What was loaded

let reference: D.Reference | null = null;
let referenceP: Promise<D.Reference> = new Promise(() => {});
let network: D.NetworkData | null = null;
let scores: Map<string, number> | null = null;
let scoresError: string | null = null;
let arrangement: Arrangement | null = null;
let arrangementError: string | null = null;
let arrangementLoading = false;
let transversality: { asOf: string | null; data: Transversality } | null = null;
let transversalityError: string | null = null;
let matrixValue: MatrixValue = 'sharedOperations';
const actorCache = new Map<string, ActorDetail>();
let cardError: string | null = null;
let generation = 0;
let scoreGeneration = 0;

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
  selected: null as string | null,
  lastDraw: null as DrawRecord | null,
  draws: [] as DrawRecord[],
  lastPng: null as null | { width: number; height: number; bytes: number },
  errors: [] as string[],
  /** The last GraphQL requests: operation name, milliseconds, HTTP status. */
  requests: [] as { operation: string; ms: number; status: number }[],
  labels: () => view.displayedLabels(),
  /** Pixel position of an actor in the graph container (to click it). */
  position: (id: string) => view.viewportPosition(id),
  state: () => store.get(),
};
(window as unknown as { __explorer: typeof probe }).__explorer = probe;
api.onTiming = (timing) => {
  probe.requests.push(timing);
  if (probe.requests.length > 50) probe.requests.shift();
};

// ---------------------------------------------------------------------------------------------
// Helpers

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

function banner(text: string | null): void {
  const el = byId('banner');
  el.hidden = !text;
  el.textContent = text ?? '';
  if (text) probe.errors.push(text);
}

function currentCategories(): Category[] {
  return categories(store.get().colorBy, reference);
}

function colorOfActor(a: { id: string; sector: string }): { color: string; category: string } {
  const key = categoryOf(store.get().colorBy, a, reference);
  const cat = currentCategories().find((c) => c.key === key);
  return { color: cat?.color ?? '#b8bcc4', category: key };
}

function sizeScores(): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const n of network?.nodes ?? []) out.set(n.id, scores ? (scores.get(n.id) ?? 0) : view.degree(n.id));
  return out;
}

function metricLabel(): string {
  return scores ? t(`metric.${store.get().metric}`) : t('metric.DEGREE');
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
  syncControls(s);
}

function syncControls(s: ExplorerState): void {
  byId<HTMLInputElement>('date').value = String(s.dateStep);
  const date = asOf(s);
  byId('date-label').textContent = date ? t('date.asOf', { date: new Date(`${date}T00:00:00Z`).toLocaleDateString(getLang() === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: 'UTC' }) }) : t('date.today');
  for (const b of Array.from(byId('color-by').querySelectorAll<HTMLButtonElement>('button'))) b.setAttribute('aria-pressed', String(b.dataset.value === s.colorBy));
  for (const b of Array.from(byId('views').querySelectorAll<HTMLButtonElement>('button'))) b.setAttribute('aria-selected', String(b.dataset.value === s.view));
  byId('network-view').hidden = s.view !== 'network';
  byId('transversality-view').hidden = s.view !== 'transversality';
  byId<HTMLSelectElement>('metric').disabled = !!network && network.mode === 'public';
  byId<HTMLAnchorElement>('export-gexf').href = `../export/network.gexf?${scopeQueryString(s)}`;
  byId('lang').textContent = t('lang.switch');
  byId('lang').title = t('lang.switchTitle');
  byId('key-status').textContent = api.getKey() ? t('key.set') : t('key.none');
}

function bindControls(): void {
  byId<HTMLSelectElement>('scope').addEventListener('change', (e) => store.set({ scope: parseScopeId((e.target as HTMLSelectElement).value) }));
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

  setupSearch({
    input: byId<HTMLInputElement>('search'),
    results: byId('search-results'),
    search: (text) => D.searchActors(api, text),
    inView: (id) => view.has(id),
    colorOf: (a) => colorOfActor(a).color,
    onPick: (a: ActorLite) => store.set({ selected: a.id }),
    onError: (m) => banner(m),
  });

  view.onSelect = (id) => store.set({ selected: id });
  byId('zoom').addEventListener('click', (e) => {
    const v = (e.target as HTMLElement).closest<HTMLButtonElement>('button')?.dataset.zoom;
    if (v) view.zoom(v === 'reset' ? null : Number(v));
  });
  // The graph's box changes with the window, the banner, the responsive layout: follow it.
  let resizeTimer: number | undefined;
  new ResizeObserver(() => {
    window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(() => view.resize(), 60);
  }).observe(byId('graph'));
}

// ---------------------------------------------------------------------------------------------
// Loading and drawing

function setStatus(state: 'loading' | 'ready' | 'error', text: string): void {
  const el = byId('status');
  const s = store.get();
  el.dataset.state = state;
  el.dataset.scope = scopeId(s.scope);
  el.dataset.asOf = asOf(s) ?? '';
  el.dataset.nodes = String(view.nodeCount);
  el.dataset.edges = String(view.edgeCount);
  el.textContent = text;
}

/** Loads the scope's network, scores and figures in parallel, then draws. */
async function loadScope(): Promise<void> {
  const mine = ++generation;
  const s = store.get();
  const scope = networkScope(s);
  const t0 = performance.now();
  probe.ready = false;
  probe.loading = true;
  setStatus('loading', t('status.loading'));
  const groupBy = s.colorBy === 'department' ? 'DEPARTMENT' : 'SECTOR';
  const netP = D.loadNetwork(api, scope, referenceP);
  const scoreP = D.loadCentrality(api, scope, s.metric);
  scoreP.catch(() => undefined); // read below, or not at all when analytics are refused
  void loadArrangement(mine, scope, groupBy);
  try {
    const net = await netP;
    await referenceP; // colours by department need it
    let sc: Map<string, number> | null = null;
    let scErr: string | null = null;
    try {
      sc = net.mode === 'analytics' ? await scoreP : null;
    } catch (err) {
      scErr = message(err);
    }
    if (mine !== generation) return;
    network = net;
    scores = sc;
    scoresError = scErr;
    setStatus('loading', t('status.layout'));
    // Let the status paint before the synchronous layout.
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    if (mine !== generation) return;
    draw(scopeId(s.scope), t0);
  } catch (err) {
    if (mine !== generation) return;
    probe.loading = false;
    setStatus('error', err instanceof TransportError ? t('errors.network', { message: err.message }) : message(err));
    banner(message(err));
  }
}

function draw(layoutKey: string, t0: number): void {
  const net = network!;
  const s = store.get();
  // Without analytics (public reads), sizes follow the number of bonds drawn.
  const degree = new Map<string, number>();
  if (!scores) for (const e of net.edges) for (const end of [e.source, e.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
  const nodes = net.nodes.map((n) => ({ id: n.id, label: n.name, ...colorOfActor(n), score: scores ? (scores.get(n.id) ?? 0) : (degree.get(n.id) ?? 0) }));
  const { layoutMs, renderMs } = view.draw({ layoutKey, nodes, edges: net.edges });
  const ms = Math.round(performance.now() - t0);
  const record: DrawRecord = { scope: layoutKey, asOf: asOf(s), nodes: view.nodeCount, edges: view.edgeCount, ms, layoutMs: Math.round(layoutMs), renderMs: Math.round(renderMs), mode: net.mode };
  probe.lastDraw = record;
  probe.draws.push(record);
  if (probe.draws.length > 20) probe.draws.shift();
  Object.assign(probe, { mode: net.mode, scope: layoutKey, asOf: asOf(s), nodes: view.nodeCount, edges: view.edgeCount, ready: true, loading: false });
  const notes = [net.nodes.length ? t('status.ready', { nodes: view.nodeCount, edges: view.edgeCount, ms }) : t('status.empty')];
  if (net.truncated) notes.push(t('status.truncated'));
  if (net.mode === 'public') notes.push(t('status.anonymous'));
  setStatus('ready', notes.join(' · '));
  const refusals = [net.refused, scoresError].filter(Boolean);
  banner(refusals.length ? `${t('errors.analytics')} — ${refusals[0]}` : null);
  renderLegendNow();
  renderCardNow();
  syncControls(s);
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
    arrangementError = message(err);
  }
  arrangementLoading = false;
  renderFiguresNow();
  renderCardNow();
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
    scoresError = message(err);
  }
  view.rescore(sizeScores());
  renderLegendNow();
  renderCardNow();
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
    transversalityError = message(err);
  }
  renderTransversalityNow();
  root.dataset.asOf = date ?? '';
}

// ---------------------------------------------------------------------------------------------
// Rendering the panels

function renderFiguresNow(): void {
  renderFigures(byId('figures'), {
    arrangement,
    error: arrangementError,
    loading: arrangementLoading,
    categories: currentCategories(),
    onSelect: (id) => store.set({ selected: id }),
  });
}

function renderLegendNow(): void {
  const counts = new Map<string, number>();
  for (const n of network?.nodes ?? []) {
    const k = colorOfActor(n).category;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  renderLegend(byId('legend'), currentCategories(), counts, metricLabel());
}

function renderCardNow(): void {
  const s = store.get();
  const id = s.selected;
  const actor = id ? (actorCache.get(id) ?? null) : null;
  renderCard(byId('card'), {
    actorId: id,
    actor,
    loading: !!id && !actor && !cardError,
    error: cardError,
    color: actor ? colorOfActor(actor).color : null,
    inView: !!id && view.has(id),
    degreeInView: id ? view.degree(id) : 0,
    broker: arrangement?.topBrokers.find((b) => b.actor.id === id) ?? null,
    brokersKnown: !!arrangement,
    score: id && scores && view.has(id) ? { metric: t(`metric.${s.metric}`), value: scores.get(id) ?? 0 } : null,
    onClose: () => store.set({ selected: null }),
  });
}

function renderTransversalityNow(loading = false): void {
  const s = store.get();
  const date = asOf(s);
  renderTransversality(byId('transversality-view'), {
    data: transversality?.data ?? null,
    error: transversalityError,
    loading,
    value: matrixValue,
    onValue: (v) => {
      matrixValue = v;
      renderTransversalityNow();
    },
    year: date ? Number(date.slice(0, 4)) : null,
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
    else cardError = `${id} ?`;
  } catch (err) {
    cardError = message(err);
  }
  if (store.get().selected === id) renderCardNow();
}

// ---------------------------------------------------------------------------------------------
// Exports

async function exportGexf(): Promise<void> {
  const s = store.get();
  const link = byId<HTMLAnchorElement>('export-gexf');
  try {
    const blob = await api.download(link.href);
    const url = URL.createObjectURL(blob);
    const a = h('a', { href: url, download: `agencement-${scopeId(s.scope).replace(':', '-')}-${asOf(s) ?? 'today'}.gexf` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (err) {
    banner(t('export.failed', { message: message(err) }));
  }
}

function exportPng(): void {
  const s = store.get();
  if (s.view !== 'network') store.set({ view: 'network' });
  const scopeName = byId<HTMLSelectElement>('scope').selectedOptions[0]?.textContent ?? '';
  const date = byId('date-label').textContent ?? '';
  const counts = t('status.ready', { nodes: view.nodeCount, edges: view.edgeCount, ms: 0 }).split(' — ')[0];
  const url = view.toPng(`${scopeName} — ${date}`, `${counts} — ${t('legend.size', { metric: metricLabel() })} — Agencement`, currentCategories());
  const img = new Image();
  img.onload = () => (probe.lastPng = { width: img.width, height: img.height, bytes: Math.round((url.length * 3) / 4) });
  img.src = url;
  const a = h('a', { href: url, download: `agencement-${scopeId(s.scope).replace(':', '-')}-${asOf(s) ?? 'today'}.png` });
  document.body.append(a);
  a.click();
  a.remove();
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
    if (transversality || transversalityError) renderTransversalityNow();
    if (network) setStatus('ready', t('status.ready', { nodes: view.nodeCount, edges: view.edgeCount, ms: probe.lastDraw?.ms ?? 0 }));
  }
  syncControls(s);
  if (changed.has('scope') || changed.has('dateStep')) {
    void loadScope();
  } else {
    if (changed.has('colorBy') && network) {
      view.recolor((id) => colorOfActor(network!.nodes.find((n) => n.id === id) ?? { id, sector: '' }));
      renderLegendNow();
      renderCardNow();
      void loadArrangement(generation, networkScope(s), s.colorBy === 'department' ? 'DEPARTMENT' : 'SECTOR');
    }
    if (changed.has('metric') && network?.mode === 'analytics') void (probe.loading ? loadScope() : rescore());
  }
  if (s.view === 'transversality' && (changed.has('view') || changed.has('dateStep'))) void loadTransversalityView();
  if (changed.has('view') && s.view === 'network') view.resize();
  if (changed.has('selected')) void selectActor(s.selected);
});

/** (Re)starts with the current key: reference lists and the scope, in parallel. */
async function restart(): Promise<void> {
  banner(null);
  actorCache.clear();
  transversality = null;
  syncControls(store.get());
  referenceP = D.loadReference(api);
  referenceP.catch(() => undefined);
  const scopeLoaded = loadScope();
  try {
    reference = await referenceP;
  } catch (err) {
    generation++; // the scope cannot be drawn without them
    probe.loading = false;
    setStatus('error', message(err));
    banner(err instanceof TransportError ? t('errors.network', { message: err.message }) : message(err));
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
