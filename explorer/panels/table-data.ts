/** The actors table's rows, order and CSV (no DOM: unit-testable); drawn by panels/table.ts. */
import { TABLE_METRICS, type ActorLite, type TableMetric } from '../queries';

export type Column = 'name' | 'kind' | 'sector' | 'community' | 'degreeInView' | TableMetric;

export interface TableRow {
  actor: ActorLite;
  community: number | null;
  degreeInView: number;
  metrics: Partial<Record<TableMetric, number>>;
}

export const TEXT_COLUMNS: Column[] = ['name', 'kind', 'sector'];

/** A row's value in a column (null when the API gave none). */
export function value(row: TableRow, column: Column): string | number | null {
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
export interface TableSort {
  column: Column;
  descending: boolean;
}

export function sortRows(rows: TableRow[], sort: TableSort): TableRow[] {
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
