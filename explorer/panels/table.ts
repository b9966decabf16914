/**
 * The table of the drawn actors with their metrics (API `centrality`, every metric of the scope),
 * sortable by any column, and the same rows in the same order as a CSV file.
 */
import { h } from '../dom';
import { num, t } from '../i18n';
import { TABLE_METRICS, type ActorLite, type TableMetric } from '../queries';

export type Column = 'name' | 'kind' | 'sector' | 'community' | 'degreeInView' | TableMetric;

export interface TableRow {
  actor: ActorLite;
  community: number | null;
  degreeInView: number;
  metrics: Partial<Record<TableMetric, number>>;
}

export interface TableInput {
  rows: TableRow[];
  loading: boolean;
  error: string | null;
  sort: { column: Column; descending: boolean };
  onSort: (column: Column) => void;
  onCsv: () => void;
  onSelect: (id: string) => void;
}

const TEXT_COLUMNS: Column[] = ['name', 'kind', 'sector'];

function value(row: TableRow, column: Column): string | number | null {
  switch (column) {
    case 'name':
      return row.actor.name;
    case 'kind':
      return row.actor.kind;
    case 'sector':
      return row.actor.sector;
    case 'community':
      return row.community;
    case 'degreeInView':
      return row.degreeInView;
    default:
      return row.metrics[column] ?? null;
  }
}

/** The rows in the table's order: by the column, missing values last, then by name. */
export function sortRows(rows: TableRow[], sort: TableInput['sort']): TableRow[] {
  const dir = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = value(a, sort.column);
    const y = value(b, sort.column);
    if (x == null || y == null) return x == null && y == null ? a.actor.name.localeCompare(b.actor.name, 'fr') : x == null ? 1 : -1;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'fr');
    return c * dir || a.actor.name.localeCompare(b.actor.name, 'fr');
  });
}

export function columns(withCommunity: boolean): Column[] {
  return ['name', 'kind', 'sector', ...(withCommunity ? (['community'] as Column[]) : []), 'degreeInView', ...TABLE_METRICS];
}

function header(column: Column): string {
  if ((TABLE_METRICS as readonly string[]).includes(column)) return t(`metric.${column}`);
  return t(`table.${column}`);
}

/** RFC 4180 CSV (UTF-8 with a BOM, so spreadsheet programs read the accents), stable English column names. */
export function toCsv(rows: TableRow[], withCommunity: boolean): string {
  const cols = columns(withCommunity);
  const cell = (v: string | number | null) => {
    if (v == null) return '';
    const text = String(v);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const head = ['id', ...cols.map((c) => (c === 'degreeInView' ? 'degree_in_view' : c.toLowerCase()))];
  const lines = rows.map((r) => [cell(r.actor.id), ...cols.map((c) => cell(c === 'community' && r.community != null ? r.community + 1 : value(r, c)))].join(','));
  return `\ufeff${[head.join(','), ...lines].join('\r\n')}\r\n`;
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
