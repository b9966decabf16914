/** The colour legend over the graph: the categories present in the drawing, with their counts. */
import { h } from '../dom';
import { t } from '../i18n';
import type { Category } from '../colors';

export function renderLegend(root: HTMLElement, categories: Category[], counts: Map<string, number>, sizeLabel: string): void {
  const items = categories.filter((c) => (counts.get(c.key) ?? 0) > 0);
  root.replaceChildren(
    h('h3', {}, t('legend.title')),
    h(
      'ul',
      { 'data-testid': 'legend' },
      ...items.map((c) => h('li', { 'data-key': c.key }, h('span', { class: 'swatch', style: `background:${c.color}` }), h('span', {}, c.label), h('span', { class: 'count' }, String(counts.get(c.key))))),
    ),
    h('p', { class: 'muted small' }, h('span', { class: 'size-dots' }, h('i', {}), h('i', {}), h('i', {})), t('legend.size', { metric: sizeLabel })),
  );
  root.hidden = items.length === 0;
}
