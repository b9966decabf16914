/**
 * The legend over the graph: the colour categories present in the drawing with their counts, and
 * the size scale (three circles drawn at the radius the graph gives those scores at full view).
 */
import { h, s } from '../dom';
import { getLang, num, t } from '../i18n';
import { nodeSize } from '../../src/common/drawing';
import type { Category } from '../colors';

export interface LegendInput {
  categories: Category[];
  counts: Map<string, number>;
  /** The metric sizing the nodes, in words. */
  sizeLabel: string;
  /** Largest score drawn and the number of nodes (the size scale depends on both). */
  maxScore: number;
  order: number;
  /** A line under the colours (e.g. the Louvain modularity). */
  note?: string | null;
}

/** A score for the scale: small ones (betweenness over thousands of actors) keep two significant digits. */
function scoreText(v: number): string {
  if (v === 0 || v >= 0.01) return num(v, v >= 10 ? 0 : 3);
  return v.toLocaleString(getLang() === 'fr' ? 'fr-FR' : 'en-GB', { maximumSignificantDigits: 2 });
}

function sizeScale(maxScore: number, order: number): SVGSVGElement {
  const scores = maxScore > 0 ? [maxScore, maxScore / 4, 0] : [0];
  const radii = scores.map((v) => nodeSize(v, maxScore, order));
  const pad = 4;
  const height = 2 * Math.max(...radii) + 2 * pad + 14;
  let x = pad;
  const svg = s('svg', { class: 'size-legend', 'data-testid': 'size-legend', width: 0, height, role: 'img', 'aria-label': t('legend.size', { metric: '' }) });
  scores.forEach((score, i) => {
    const r = radii[i]!;
    const text = scoreText(score);
    const half = Math.max(r, text.length * 3.4 + 2);
    const cx = x + half;
    svg.append(
      s('g', { 'data-testid': 'size-legend-item', 'data-score': score, 'data-r': r }, s('circle', { cx, cy: pad + Math.max(...radii), r, class: 'size-dot' }), s('text', { x: cx, y: height - 2, 'text-anchor': 'middle', class: 'axis-label' }, text)),
    );
    x = cx + half + 8;
  });
  svg.setAttribute('width', String(x));
  return svg;
}

export function renderLegend(root: HTMLElement, input: LegendInput): void {
  const items = input.categories.filter((c) => (input.counts.get(c.key) ?? 0) > 0);
  const parts: Node[] = [
    h('h3', {}, t('legend.title')),
    h(
      'ul',
      { 'data-testid': 'legend' },
      ...items.map((c) => h('li', { 'data-key': c.key }, h('span', { class: 'swatch', style: `background:${c.color}` }), h('span', {}, c.label), h('span', { class: 'count' }, String(input.counts.get(c.key))))),
    ),
  ];
  if (input.note) parts.push(h('p', { class: 'muted small', 'data-testid': 'legend-note' }, input.note));
  parts.push(h('p', { class: 'muted small' }, t('legend.sizeTitle', { metric: input.sizeLabel })), sizeScale(input.maxScore, input.order));
  root.replaceChildren(...parts);
  root.hidden = items.length === 0;
}
