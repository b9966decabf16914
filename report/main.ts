/**
 * The evaluation report (/report/): the program, or one operation (`?operation=CODE`), on a date
 * (`?asOf=YYYY-MM-DD`), in French or English (`?lang=en`, toggle). Reads `evaluation(asOf)` and the
 * operation's network from the API with the caller's key (`#key=…` once, then localStorage, as
 * the explorer). Charts are inline SVG; print CSS gives one page per operation.
 */
import { barChart, esc, mixBar, networkChart, scatter, SECTOR_COLORS, seriesChart } from './charts';
import { LOCALE, WORDS, type Lang, type Words } from './i18n';

const KEY_STORAGE = 'agencement.apiKey';

const EVALUATION = `query Report($asOf: Date) { evaluation(asOf: $asOf) { asOf caveat graphVersion
  operations { code name attainment actorCount bondCount density blau eiIndex citizenShare departmentCount departments { name } topBrokers { actor { name } total }
    funding { total count confidentialExcluded bySector { sector amount share } byYear { year amount } }
    indicators { name unit value target date attainment indicator { id target series { date value target } } } }
  program { operationCount attainment results { unit value indicators } funding { total count confidentialExcluded bySector { sector amount share } byYear { year amount } } }
  correlations { figure rho n pValue } } }`;
const NETWORK = `query ReportNetwork($scope: NetworkScope) { network(scope: $scope) { truncated nodes { id name sector } edges { from { id } to { id } } } }`;

interface Money { total: number; count: number; confidentialExcluded: number; bySector: { sector: string; amount: number; share: number }[]; byYear: { year: number; amount: number }[] }
interface OpEval {
  code: string; name: string; attainment: number | null; actorCount: number; bondCount: number; density: number; blau: number; eiIndex: number; citizenShare: number; departmentCount: number;
  departments: { name: string }[]; topBrokers: { actor: { name: string }; total: number }[]; funding: Money;
  indicators: { name: string; unit: string | null; value: number | null; target: number | null; date: string | null; attainment: number | null; indicator: { id: string; target: number | null; series: { date: string; value: number; target: number | null }[] } }[];
}
interface Evaluation { asOf: string | null; caveat: string; operations: OpEval[]; program: { operationCount: number; attainment: number | null; results: { unit: string; value: number; indicators: number }[]; funding: Money }; correlations: { figure: string; rho: number | null; n: number; pValue: number | null }[] }

declare global {
  interface Window { __report?: { ready: boolean; error: string | null; lang: Lang; figures: Record<string, number | null> } }
}

const params = new URLSearchParams(location.search);
let lang: Lang = params.get('lang') === 'en' ? 'en' : 'fr';
const operation = params.get('operation');
const asOf = /^\d{4}-\d{2}-\d{2}$/.test(params.get('asOf') ?? '') ? params.get('asOf') : null;
const probe = { ready: false, error: null as string | null, lang, figures: {} as Record<string, number | null> };
window.__report = probe;

function initialKey(): string {
  const m = /(?:^#|&)key=([^&]+)/.exec(location.hash);
  if (m) {
    const key = decodeURIComponent(m[1]!);
    try { localStorage.setItem(KEY_STORAGE, key); } catch { /* private mode */ }
    history.replaceState(null, '', location.pathname + location.search);
    return key;
  }
  try { return localStorage.getItem(KEY_STORAGE) ?? ''; } catch { return ''; }
}

async function gql<T>(query: string, variables: Record<string, unknown>, key: string): Promise<{ data?: T; errors?: { message: string; extensions?: { code?: string } }[] }> {
  const res = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) }, body: JSON.stringify({ query, variables }) });
  return res.json();
}

const fmt = (l: Lang) => {
  const n = new Intl.NumberFormat(LOCALE[l], { maximumFractionDigits: 2 });
  const eur = new Intl.NumberFormat(LOCALE[l], { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
  const pct = new Intl.NumberFormat(LOCALE[l], { style: 'percent', maximumFractionDigits: 0 });
  return { n: (v: number | null) => (v == null ? '—' : n.format(v)), eur: (v: number) => eur.format(v), pct: (v: number | null) => (v == null ? '—' : pct.format(v)), day: (d: string) => new Date(`${d}T00:00:00Z`).toLocaleDateString(LOCALE[l], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }) };
};

/** A figure shown on the page, and recorded for the tests to compare with the API. */
const fig = (id: string, value: number | null, text: string) => {
  probe.figures[id] = value;
  return `<span data-figure="${esc(id)}">${esc(text)}</span>`;
};

function moneyCharts(m: Money, w: Words, f: ReturnType<typeof fmt>): string {
  const note = m.confidentialExcluded ? `<p class="note">${m.confidentialExcluded} ${esc(w.confidential)}</p>` : '';
  return `<div class="charts"><figure><figcaption>${esc(w.byYear)}</figcaption>${barChart(m.byYear.map((y) => ({ label: String(y.year), value: y.amount })), (v) => f.eur(v), w.byYear)}</figure>` +
    `<figure><figcaption>${esc(w.bySector)}</figcaption>${mixBar(m.bySector.map((s) => ({ key: s.sector, label: (w as any)[s.sector] ?? s.sector, value: s.amount })), (v) => f.eur(v), w.bySector)}</figure></div>${note}`;
}

function table(e: Evaluation, w: Words, f: ReturnType<typeof fmt>): string {
  const head = [w.operation, w.invested, w.attainment, w.actors, w.density, w.blau, w.ei, w.citizens, w.departments].map((h) => `<th>${esc(h)}</th>`).join('');
  const rows = e.operations.map((o) => `<tr><td><a href="?operation=${encodeURIComponent(o.code)}${asOf ? `&asOf=${asOf}` : ''}&lang=${lang}">${esc(o.name)}</a></td>` +
    `<td class="num">${fig(`${o.code}.fundingTotal`, o.funding.total, f.eur(o.funding.total))}</td><td class="num">${fig(`${o.code}.attainment`, o.attainment, f.pct(o.attainment))}</td>` +
    `<td class="num">${fig(`${o.code}.actorCount`, o.actorCount, f.n(o.actorCount))}</td><td class="num">${fig(`${o.code}.density`, o.density, f.n(o.density))}</td><td class="num">${fig(`${o.code}.blau`, o.blau, f.n(o.blau))}</td>` +
    `<td class="num">${fig(`${o.code}.eiIndex`, o.eiIndex, f.n(o.eiIndex))}</td><td class="num">${fig(`${o.code}.citizenShare`, o.citizenShare, f.pct(o.citizenShare))}</td><td class="num">${fig(`${o.code}.departmentCount`, o.departmentCount, f.n(o.departmentCount))}</td></tr>`);
  const p = e.program;
  const total = `<tr class="total"><td>${esc(w.program)}</td><td class="num">${fig('program.fundingTotal', p.funding.total, f.eur(p.funding.total))}</td><td class="num">${fig('program.attainment', p.attainment, f.pct(p.attainment))}</td><td colspan="6"></td></tr>`;
  return `<table class="evaluation"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}${total}</tbody></table>`;
}

function correlations(e: Evaluation, w: Words, f: ReturnType<typeof fmt>): string {
  const rows = e.correlations.map((c) => `<tr><td>${esc((w as any)[c.figure] ?? c.figure)}</td><td class="num">${fig(`rho.${c.figure}`, c.rho, f.n(c.rho))}</td><td class="num">${c.n}</td><td class="num">${f.n(c.pValue)}</td></tr>`);
  return `<table class="correlations"><thead><tr><th>${esc(w.figure)}</th><th>${w.rho}</th><th>${w.n}</th><th>${esc(w.p)}</th></tr></thead><tbody>${rows.join('')}</tbody></table><p class="note">${esc(e.caveat)}</p>`;
}

function operationSection(o: OpEval, w: Words, f: ReturnType<typeof fmt>, network: string): string {
  const figures = [[w.invested, fig(`${o.code}.fundingTotal`, o.funding.total, f.eur(o.funding.total))], [w.attainment, fig(`${o.code}.attainment`, o.attainment, f.pct(o.attainment))], [w.actors, fig(`${o.code}.actorCount`, o.actorCount, f.n(o.actorCount))], [w.bonds, f.n(o.bondCount)], [w.density, fig(`${o.code}.density`, o.density, f.n(o.density))], [w.blau, f.n(o.blau)], [w.ei, f.n(o.eiIndex)], [w.citizens, f.pct(o.citizenShare)], [w.departments, esc(o.departments.map((d) => d.name).join(', ') || w.none)], [w.brokers, esc(o.topBrokers.map((b) => b.actor.name).join(', ') || w.none)]];
  const indicators = o.indicators.map((i) => {
    const series = i.indicator.series.map((p) => ({ date: p.date, value: p.value }));
    const label = i.target == null ? `${i.name} (${i.unit ?? ''}) — ${f.n(i.value)}, ${w.noTarget}` : `${i.name} (${i.unit ?? ''}) — ${f.n(i.value)} / ${f.n(i.target)} = ${f.pct(i.attainment)}`;
    return `<figure class="indicator"><figcaption>${esc(label)}</figcaption>${seriesChart(series, i.target, (v) => f.n(v), i.name)}</figure>`;
  });
  return `<section class="operation" id="op-${esc(o.code)}"><h2>${esc(o.name)}</h2><dl class="figures">${figures.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${v}</dd></div>`).join('')}</dl>` +
    `<h3>${esc(w.invested)}</h3>${moneyCharts(o.funding, w, f)}<h3>${esc(w.indicators)}</h3><div class="charts">${indicators.join('')}</div>${network}</section>`;
}

async function render(key: string): Promise<void> {
  const w = WORDS[lang];
  const f = fmt(lang);
  probe.figures = {};
  document.documentElement.lang = lang;
  document.title = w.title;
  const main = document.getElementById('report')!;
  const res = await gql<{ evaluation: Evaluation | null }>(EVALUATION, { asOf }, key);
  const e = res.data?.evaluation;
  if (!e) {
    const err = res.errors?.[0];
    probe.error = err?.extensions?.code ?? 'ERROR';
    main.innerHTML = `<div class="ask"><p><strong>${esc(w.error)}</strong> (${esc(err?.message ?? '')})</p><p>${esc(w.keyHelp)}</p><form id="key-form"><label>${esc(w.key)} <input id="key" type="password" autocomplete="off"></label> <button>${esc(w.load)}</button></form></div>`;
    document.getElementById('key-form')!.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const k = (document.getElementById('key') as HTMLInputElement).value.trim();
      try { localStorage.setItem(KEY_STORAGE, k); } catch { /* private mode */ }
      void render(k);
    });
    probe.ready = true;
    return;
  }
  probe.error = null;
  const today = new Date().toISOString().slice(0, 10);
  const header = `<header class="cover"><h1>${esc(w.title)}</h1><p class="subtitle">${esc(w.subtitle)}</p><p class="dates">${esc(w.dated)} ${esc(f.day(today))} · ${esc(e.asOf ? `${w.asOf} ${f.day(e.asOf)}` : w.allData)}</p><p class="note">${esc(w.fictional)}</p></header>`;
  const one = operation ? e.operations.find((o) => o.code === operation) : null;
  if (one) {
    const net = await gql<{ network: { nodes: { id: string; name: string; sector: string }[]; edges: { from: { id: string }; to: { id: string } }[] } | null }>(NETWORK, { scope: { operation: one.code, asOf } }, key);
    const n = net.data?.network;
    const network = n ? `<h3>${esc(w.network)}</h3><figure>${networkChart(n.nodes, n.edges.map((x) => ({ from: x.from.id, to: x.to.id })), w.network)}<figcaption class="legend">${Object.keys(SECTOR_COLORS).filter((k) => n.nodes.some((x) => x.sector === k)).map((k) => `<span><i style="background:${SECTOR_COLORS[k]}"></i>${esc((w as any)[k] ?? k)}</span>`).join(' ')}</figcaption></figure>` : '';
    main.innerHTML = header + `<p class="nav"><a href="?${asOf ? `asOf=${asOf}&` : ''}lang=${lang}">${esc(w.back)}</a></p>` + operationSection(one, w, f, network);
  } else {
    const p = e.program;
    const results = p.results.map((r) => `<li>${fig(`result.${r.unit}`, r.value, f.n(r.value))} ${esc(r.unit)} (${r.indicators})</li>`).join('');
    const dots = e.operations.filter((o) => o.attainment != null).map((o) => ({ label: o.code, x: o.funding.total, y: o.attainment! }));
    main.innerHTML = header +
      `<section class="program"><h2>${esc(w.program)}</h2><dl class="figures"><div><dt>${esc(w.invested)}</dt><dd>${fig('program.fundingTotal', p.funding.total, f.eur(p.funding.total))}</dd></div><div><dt>${esc(w.attainment)}</dt><dd>${fig('program.attainment', p.attainment, f.pct(p.attainment))}</dd></div></dl>` +
      `${moneyCharts(p.funding, w, f)}<h3>${esc(w.results)}</h3><ul class="results">${results}</ul>` +
      `<h3>${esc(w.table)}</h3>${table(e, w, f)}<h3>${esc(w.scatter)}</h3><figure>${scatter(dots, (v) => f.eur(v), (v) => f.pct(v), [w.invested, w.attainment], w.scatter)}</figure>` +
      `<h3>${esc(w.correlations)}</h3>${correlations(e, w, f)}</section>` +
      e.operations.map((o) => operationSection(o, w, f, '')).join('');
  }
  probe.ready = true;
}

function toolbar(key: () => string): void {
  const bar = document.getElementById('toolbar')!;
  const draw = () => {
    const w = WORDS[lang];
    bar.innerHTML = `<button id="lang" type="button">${lang === 'fr' ? 'English' : 'Français'}</button> <button id="print" type="button">${esc(w.print)}</button>`;
    document.getElementById('lang')!.addEventListener('click', () => {
      lang = lang === 'fr' ? 'en' : 'fr';
      probe.lang = lang;
      probe.ready = false;
      const u = new URL(location.href);
      u.searchParams.set('lang', lang);
      history.replaceState(null, '', u.pathname + u.search);
      draw();
      void render(key());
    });
    document.getElementById('print')!.addEventListener('click', () => window.print());
  };
  draw();
}

const key = initialKey();
toolbar(() => { try { return localStorage.getItem(KEY_STORAGE) ?? key; } catch { return key; } });
void render(key).catch((err) => {
  probe.error = String(err);
  probe.ready = true;
});
