/** The arrangement figures of the scope (API `arrangement`), beside the graph. */
import { h } from '../dom';
import { num, t } from '../i18n';
import type { Arrangement } from '../queries';
import type { Category } from '../colors';

export interface FiguresInput {
  arrangement: Arrangement | null;
  /** The API's message when figures were refused or failed. */
  error: string | null;
  loading: boolean;
  categories: Category[];
  onSelect: (actorId: string) => void;
}

function figure(testid: string, label: string, value: number, help?: string, digits = 3) {
  return h(
    'div',
    { class: 'figure', title: help ?? null },
    h('dt', {}, label),
    h('dd', { 'data-testid': testid, 'data-value': String(value) }, num(value, digits)),
  );
}

export function renderFigures(root: HTMLElement, input: FiguresInput): void {
  const { arrangement: a, error, loading } = input;
  root.replaceChildren(h('h2', {}, t('figures.title')));
  root.dataset.state = loading ? 'loading' : error ? 'error' : 'ready';
  if (error) {
    root.append(h('p', { class: 'notice', 'data-testid': 'figures-error' }, h('strong', {}, t('figures.unavailable')), ' — ', error));
    return;
  }
  if (!a) {
    root.append(h('p', { class: 'muted' }, t('status.loading')));
    return;
  }
  root.append(
    h(
      'dl',
      { class: 'figures' },
      figure('fig-actors', t('figures.actors'), a.actorCount),
      figure('fig-bonds', t('figures.bonds'), a.bondCount),
      figure('fig-density', t('figures.density'), a.density),
      figure('fig-blau', t('figures.blau'), a.blau, t('figures.help.blau')),
      figure('fig-ei', t('figures.ei'), a.eiIndex, t('figures.help.ei')),
      figure('fig-modularity', t('figures.modularity'), a.modularity),
      figure('fig-components', t('figures.components'), a.components),
      figure('fig-centralization', t('figures.centralization'), a.centralization),
    ),
    h('p', { class: 'muted small' }, t('figures.groupBy', { group: t(a.groupBy === 'DEPARTMENT' ? 'color.department' : 'color.sector').toLowerCase() })),
  );

  // Composition: one bar, one segment per group, in the legend's colours.
  const colors = new Map(input.categories.map((c) => [c.key, c]));
  const bar = h('div', { class: 'mix', 'data-testid': 'group-mix' });
  for (const g of a.groups) {
    const c = colors.get(g.group);
    const label = c?.label ?? g.label;
    bar.append(h('span', { style: `flex:${g.share};background:${c?.color ?? '#b8bcc4'}`, title: `${label} : ${g.count} (${num(g.share * 100, 0)} %)` }));
  }
  root.append(h('h3', {}, t('figures.mix')), bar);

  root.append(h('h3', {}, t('figures.brokers')));
  if (!a.topBrokers.length) {
    root.append(h('p', { class: 'muted' }, t('figures.brokers.none')));
    return;
  }
  const list = h('ol', { class: 'brokers', 'data-testid': 'top-brokers' });
  for (const b of a.topBrokers.slice(0, 8)) {
    const roles = (['coordinator', 'itinerant', 'gatekeeper', 'representative', 'liaison'] as const)
      .filter((r) => b[r] > 0)
      .map((r) => `${t(`broker.${r}`)} ${b[r]}`)
      .join(' · ');
    list.append(
      h(
        'li',
        { 'data-testid': 'top-broker', 'data-actor-id': b.actor.id },
        h('button', { type: 'button', class: 'link', onclick: () => input.onSelect(b.actor.id), 'data-testid': 'top-broker-name' }, b.actor.name),
        h('span', { class: 'badge', title: t('figures.brokers.total') }, String(b.total)),
        h('div', { class: 'muted small' }, roles),
      ),
    );
  }
  root.append(list);
}
