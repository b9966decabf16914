/**
 * The transversality view (API `transversality`): the department × department matrix as an SVG heat
 * map, and the yearly series of E-I and modularity as an SVG line chart.
 */
import { h, s } from '../dom';
import { num, t } from '../i18n';
import { shortDepartment } from '../colors';
import type { Transversality } from '../queries';

export type MatrixValue = 'sharedOperations' | 'bonds';

export interface TransversalityInput {
  data: Transversality | null;
  error: string | null;
  loading: boolean;
  value: MatrixValue;
  onValue: (v: MatrixValue) => void;
  /** Year marked on the chart (the slider's), null for today. */
  year: number | null;
  /** Saves the heat map drawn (as it is, whatever the page's scroll or size). */
  onExportHeatMap: (format: 'png' | 'svg', svg: SVGSVGElement) => void;
}

/** White → deep blue. */
function shade(v: number, max: number): string {
  if (max <= 0 || v <= 0) return '#f3f5f8';
  const k = Math.sqrt(v / max);
  const from = [222, 235, 247];
  const to = [8, 69, 148];
  const c = from.map((f, i) => Math.round(f + (to[i]! - f) * k));
  return `rgb(${c.join(',')})`;
}

export function heatMap(data: Transversality, value: MatrixValue): SVGSVGElement {
  const depts = [...data.departments].sort((a, b) => shortDepartment(a.name).localeCompare(shortDepartment(b.name), 'fr'));
  const index = new Map(depts.map((d, i) => [d.id, i]));
  const n = depts.length;
  const cells = new Map<string, { shared: number; bonds: number }>();
  for (const p of data.matrix) {
    const v = { shared: p.sharedOperations, bonds: p.bonds };
    cells.set(`${p.a.id}|${p.b.id}`, v);
    cells.set(`${p.b.id}|${p.a.id}`, v);
  }
  const pick = (c: { shared: number; bonds: number }) => (value === 'bonds' ? c.bonds : c.shared);
  const max = Math.max(0, ...[...cells.values()].map(pick));
  const cell = 28;
  const left = 184;
  const top = 128;
  const right = 96; // room for the last rotated column labels
  const size = n * cell;
  const svg = s('svg', { viewBox: `0 0 ${left + size + right} ${top + size + 8}`, class: 'heatmap', 'data-testid': 'heatmap', 'data-size': n, role: 'img', 'aria-label': t('trans.matrix') });
  depts.forEach((d, i) => {
    const label = shortDepartment(d.name);
    svg.append(s('text', { x: left - 6, y: top + i * cell + cell / 2 + 4, 'text-anchor': 'end', class: 'axis-label' }, s('title', {}, d.name), label));
    svg.append(s('text', { transform: `translate(${left + i * cell + cell / 2 + 3},${top - 6}) rotate(-45)`, class: 'axis-label' }, s('title', {}, d.name), label));
  });
  for (const a of depts) {
    for (const b of depts) {
      const i = index.get(a.id)!;
      const j = index.get(b.id)!;
      const x = left + j * cell;
      const y = top + i * cell;
      if (i === j) {
        svg.append(s('rect', { x, y, width: cell - 1, height: cell - 1, fill: '#e6e8ec' }));
        continue;
      }
      const c = cells.get(`${a.id}|${b.id}`) ?? { shared: 0, bonds: 0 };
      const v = pick(c);
      const g = s(
        'g',
        { 'data-testid': 'heat-cell', 'data-a': a.id, 'data-b': b.id, 'data-value': v },
        s('rect', { x, y, width: cell - 1, height: cell - 1, fill: shade(v, max), rx: 2 }),
        s('title', {}, t('trans.cell', { a: shortDepartment(a.name), b: shortDepartment(b.name), shared: c.shared, bonds: c.bonds })),
      );
      if (v > 0) g.append(s('text', { x: x + cell / 2 - 0.5, y: y + cell / 2 + 4, 'text-anchor': 'middle', class: 'cell-label', fill: v / max > 0.45 ? '#ffffff' : '#1d232b' }, String(v)));
      svg.append(g);
    }
  }
  return svg;
}

export function lineChart(data: Transversality, markYear: number | null): SVGSVGElement {
  const series = [...data.series].sort((a, b) => a.year - b.year);
  const W = 560;
  const H = 260;
  const m = { l: 44, r: 16, t: 16, b: 34 };
  const years = series.map((p) => p.year);
  const x = (year: number) => (years.length < 2 ? m.l + (W - m.l - m.r) / 2 : m.l + ((year - years[0]!) / (years[years.length - 1]! - years[0]!)) * (W - m.l - m.r));
  const y = (v: number) => m.t + ((1 - v) / 2) * (H - m.t - m.b);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'linechart', 'data-testid': 'linechart', 'data-points': series.length, role: 'img', 'aria-label': t('trans.series') });
  for (const v of [-1, -0.5, 0, 0.5, 1]) {
    svg.append(s('line', { x1: m.l, x2: W - m.r, y1: y(v), y2: y(v), class: v === 0 ? 'grid zero' : 'grid' }));
    svg.append(s('text', { x: m.l - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'axis-label' }, num(v, 1)));
  }
  for (const yr of years) svg.append(s('text', { x: x(yr), y: H - 12, 'text-anchor': 'middle', class: 'axis-label' }, String(yr)));
  if (markYear != null && years.includes(markYear)) svg.append(s('line', { x1: x(markYear), x2: x(markYear), y1: m.t, y2: H - m.b, class: 'marker', 'data-testid': 'linechart-marker' }));
  const lines: { key: 'eiIndex' | 'modularity'; cls: string; label: string }[] = [
    { key: 'eiIndex', cls: 'ei', label: t('trans.ei') },
    { key: 'modularity', cls: 'modularity', label: t('trans.modularity') },
  ];
  for (const line of lines) {
    svg.append(s('polyline', { points: series.map((p) => `${x(p.year)},${y(p[line.key])}`).join(' '), class: `series ${line.cls}` }));
    for (const p of series) {
      svg.append(
        s(
          'circle',
          { cx: x(p.year), cy: y(p[line.key]), r: 4.5, class: `point ${line.cls}`, 'data-testid': `series-point-${line.cls}`, 'data-year': p.year, 'data-value': p[line.key] },
          s('title', {}, `${p.year} — ${line.label} : ${num(p[line.key])}`),
        ),
      );
    }
  }
  return svg;
}

function heatMapCard(d: Transversality, input: TransversalityInput, select: HTMLSelectElement): HTMLElement {
  const map = heatMap(d, input.value);
  const save = (format: 'png' | 'svg') => h('button', { type: 'button', class: 'button small', 'data-testid': `export-heatmap-${format}`, onclick: () => input.onExportHeatMap(format, map) }, format.toUpperCase());
  return h(
    'section',
    { class: 'trans-card' },
    h('div', { class: 'card-title' }, h('h3', {}, t('trans.matrix')), h('span', { class: 'actions' }, save('png'), save('svg'))),
    h('label', { class: 'inline' }, t('trans.value'), ' ', select),
    map,
  );
}

export function renderTransversality(root: HTMLElement, input: TransversalityInput): void {
  root.dataset.state = input.loading ? 'loading' : input.error ? 'error' : input.data ? 'ready' : 'empty';
  // The view is council-wide: say so, since the scope and filters above do not apply to it.
  const title = h('div', { class: 'trans-head' }, h('h2', {}, t('trans.title')), h('p', { class: 'notice small', 'data-testid': 'transversality-scope-note' }, t('trans.scopeNote')));
  if (input.error) {
    root.replaceChildren(title, h('p', { class: 'notice', 'data-testid': 'transversality-error' }, h('strong', {}, t('errors.analytics')), ' — ', input.error));
    return;
  }
  const d = input.data;
  if (!d) {
    root.replaceChildren(title, h('p', { class: 'muted' }, t('status.loading')));
    return;
  }
  const c = d.current;
  const select = h(
    'select',
    { 'data-testid': 'matrix-value', onchange: (e: Event) => input.onValue((e.target as HTMLSelectElement).value as MatrixValue) },
    h('option', { value: 'sharedOperations', selected: input.value === 'sharedOperations' }, t('trans.sharedOperations')),
    h('option', { value: 'bonds', selected: input.value === 'bonds' }, t('trans.bonds')),
  );
  root.replaceChildren(
    title,
    h('p', { class: 'lead', 'data-testid': 'transversality-current' }, t('trans.current', { ei: num(c.eiIndex), q: num(c.modularity), cross: c.crossDepartmentBonds, ops: c.transversalOperations })),
    h(
      'div',
      { class: 'trans-grid' },
      heatMapCard(d, input, select),
      h(
        'section',
        { class: 'trans-card' },
        h('h3', {}, t('trans.series')),
        lineChart(d, input.year),
        h('ul', { class: 'chart-legend' }, h('li', {}, h('span', { class: 'line ei' }), t('trans.ei')), h('li', {}, h('span', { class: 'line modularity' }), t('trans.modularity'))),
      ),
    ),
  );
}
