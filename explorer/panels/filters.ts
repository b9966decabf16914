/** The filters bar: sectors, kinds, bond kinds (chips), source and tag, minimum degree, isolates. */
import { h } from '../dom';
import { t } from '../i18n';
import { BOND_KINDS, KINDS, NO_FILTERS, SECTORS, type Filters } from '../state';

export interface FiltersInput {
  filters: Filters;
  onChange: (next: Filters) => void;
}

/** How many filters differ from the defaults. */
export function activeFilters(f: Filters): number {
  return [f.sectors.length, f.kinds.length, f.bondKinds.length, f.source, f.tag, f.minDegree, !f.hideIsolates].filter(Boolean).length;
}

function chips(testid: string, values: readonly string[], chosen: string[], label: (v: string) => string, onToggle: (next: string[]) => void): HTMLElement {
  return h(
    'div',
    { class: 'chips-group', 'data-testid': testid, role: 'group' },
    ...values.map((v) =>
      h(
        'button',
        {
          type: 'button',
          class: 'chip',
          'data-value': v,
          'aria-pressed': String(chosen.includes(v)),
          onclick: () => onToggle(chosen.includes(v) ? chosen.filter((x) => x !== v) : [...chosen, v]),
        },
        label(v),
      ),
    ),
  );
}

export function renderFilters(root: HTMLElement, input: FiltersInput): void {
  const f = input.filters;
  const set = (patch: Partial<Filters>) => input.onChange({ ...f, ...patch });
  const text = (testid: string, value: string, placeholder: string, apply: (v: string) => void) =>
    h('input', { type: 'text', value, placeholder, 'data-testid': testid, spellcheck: 'false', onchange: (e: Event) => apply((e.target as HTMLInputElement).value.trim()) });
  const n = activeFilters(f);
  const summary = root.querySelector('summary') ?? h('summary', {});
  summary.replaceChildren(h('span', {}, t('filters.title')));
  if (n) summary.append(h('span', { class: 'badge', 'data-testid': 'filters-active' }, t('filters.active', { n })));
  const body = h(
    'div',
    { class: 'filters-body' },
    h('div', { class: 'filter' }, h('span', { class: 'filter-label' }, t('filters.sectors')), chips('filter-sectors', SECTORS, f.sectors, (v) => t(`sector.${v}`), (sectors) => set({ sectors }))),
    h('div', { class: 'filter' }, h('span', { class: 'filter-label' }, t('filters.kinds')), chips('filter-kinds', KINDS, f.kinds, (v) => t(`kind.${v}`), (kinds) => set({ kinds }))),
    h('div', { class: 'filter' }, h('span', { class: 'filter-label' }, t('filters.bondKinds')), chips('filter-bond-kinds', BOND_KINDS, f.bondKinds, (v) => t(`bond.${v}`), (bondKinds) => set({ bondKinds }))),
    h(
      'div',
      { class: 'filter row' },
      h('label', {}, h('span', { class: 'filter-label' }, t('filters.source')), text('filter-source', f.source, t('filters.sourcePlaceholder'), (source) => set({ source }))),
      h('label', {}, h('span', { class: 'filter-label' }, t('filters.tag')), text('filter-tag', f.tag, t('filters.tagPlaceholder'), (tag) => set({ tag }))),
      h(
        'label',
        {},
        h('span', { class: 'filter-label' }, t('filters.minDegree')),
        h('input', { type: 'number', min: 0, max: 99, step: 1, value: f.minDegree, 'data-testid': 'filter-min-degree', onchange: (e: Event) => set({ minDegree: Math.max(0, Math.floor(Number((e.target as HTMLInputElement).value) || 0)) }) }),
      ),
      h(
        'label',
        { class: 'check' },
        h('input', { type: 'checkbox', checked: f.hideIsolates, 'data-testid': 'filter-hide-isolates', onchange: (e: Event) => set({ hideIsolates: (e.target as HTMLInputElement).checked }) }),
        t('filters.hideIsolates'),
      ),
      h('button', { type: 'button', class: 'ghost', 'data-testid': 'filters-reset', onclick: () => input.onChange({ ...NO_FILTERS }) }, t('filters.reset')),
    ),
    h('p', { class: 'muted small' }, t('filters.help')),
  );
  root.replaceChildren(summary, body);
}
