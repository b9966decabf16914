/**
 * The table of the drawn actors with their metrics (API `centrality`, every metric of the scope),
 * sortable by any column, and the same rows in the same order as a CSV file.
 */
import { h } from '../dom';
import { num, t } from '../i18n';
import { TABLE_METRICS } from '../queries';
import { TEXT_COLUMNS, columns, sortRows, value, type Column, type TableRow, type TableSort } from './table-data';

export { sortRows, toCsv, type Column, type TableRow } from './table-data';

export interface TableInput {
  rows: TableRow[];
  loading: boolean;
  error: string | null;
  sort: TableSort;
  onSort: (column: Column) => void;
  onCsv: () => void;
  onSelect: (id: string) => void;
}

function header(column: Column): string {
  if ((TABLE_METRICS as readonly string[]).includes(column)) return t(`metric.${column}`);
  return t(`table.${column}`);
}

export function renderTable(root: HTMLElement, input: TableInput): void {
  root.dataset.state = input.loading ? 'loading' : input.error ? 'error' : 'ready';
  const withCommunity = input.rows.some((r) => r.community != null);
  const cols = columns(withCommunity);
  const rows = sortRows(input.rows, input.sort);
  const head = h(
    'tr',
    {},
    ...cols.map((c) =>
      h(
        'th',
        { scope: 'col', 'data-column': c, 'aria-sort': input.sort.column === c ? (input.sort.descending ? 'descending' : 'ascending') : 'none', class: TEXT_COLUMNS.includes(c) ? '' : 'num' },
        h('button', { type: 'button', 'data-testid': `sort-${c}`, onclick: () => input.onSort(c) }, header(c), input.sort.column === c ? (input.sort.descending ? ' ▼' : ' ▲') : ''),
      ),
    ),
  );
  const body = rows.map((r) =>
    h(
      'tr',
      { 'data-testid': 'table-row', 'data-actor-id': r.actor.id },
      ...cols.map((c) => {
        const v = value(r, c);
        if (c === 'name') return h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => input.onSelect(r.actor.id) }, r.actor.name));
        if (c === 'kind') return h('td', { 'data-value': r.actor.kind }, t(`kind.${r.actor.kind}`));
        if (c === 'sector') return h('td', { 'data-value': r.actor.sector }, t(`sector.${r.actor.sector}`));
        if (c === 'community') return h('td', { class: 'num', 'data-column': c, 'data-value': v ?? '' }, v == null ? '—' : String(Number(v) + 1));
        return h('td', { class: 'num', 'data-column': c, 'data-value': v ?? '' }, v == null ? '—' : num(Number(v), 4));
      }),
    ),
  );
  root.replaceChildren(
    h('div', { class: 'table-head' }, h('h2', {}, t('table.title')), h('span', { class: 'muted', 'data-testid': 'table-count' }, t('table.count', { n: rows.length })), h('button', { type: 'button', class: 'button', 'data-testid': 'export-csv', onclick: input.onCsv }, t('table.csv'))),
    input.error ? h('p', { class: 'notice', 'data-testid': 'table-error' }, input.error) : h('p', { class: 'muted small' }, input.loading ? t('status.loading') : t('table.note')),
    h('div', { class: 'table-wrap' }, h('table', { class: 'actors', 'data-testid': 'actors-table' }, h('thead', {}, head), h('tbody', {}, ...body))),
  );
}
