/**
 * Writing CSV that opens as intended: `rfc4180` for scripts (pandas, R, csv-parse) and `excel-fr`
 * for a double-click in French Excel. Both neutralize spreadsheet formulas (OWASP CSV injection).
 */
import type { FileProblem, TableRow, ColumnSpec } from './table';

export type Dialect = 'rfc4180' | 'excel-fr';
export const DIALECTS: readonly Dialect[] = ['rfc4180', 'excel-fr'];
export const isDialect = (s: unknown): s is Dialect => typeof s === 'string' && (DIALECTS as readonly string[]).includes(s);

export interface CsvColumn {
  name: string;
  /** The header excel-fr writes (default: `name`). */
  headerFr?: string;
  type?: 'string' | 'number' | 'enum' | 'date' | 'list' | 'boolean';
  /** Code -> the label excel-fr writes (e.g. from `exportLabelsFr(LABELS_FR.Sector)`). */
  enumLabelsFr?: Readonly<Record<string, string>>;
}

// A cell Excel or LibreOffice would evaluate: = + - @ start a formula, tab and CR are stripped
// first by some; a leading ' already there is kept distinguishable by adding one more.
const LIVE = /^'*[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+([.,]\d+)?|[.,]\d+)(e[+-]?\d+)?$/i;

/** `'`-prefixes a cell a spreadsheet would run as a formula; plain numbers (`-2`, `-1,5`) stay as they are. */
export function neutralize(cell: string): string {
  return LIVE.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

// Excel keeps 15 significant digits: more would be noise it drops; never an exponent (Excel fr misreads 1e-7).
const excelNumber = new Intl.NumberFormat('en-US', { useGrouping: false, maximumSignificantDigits: 15 });

function numberText(n: number, dialect: Dialect): string {
  if (!Number.isFinite(n)) return '';
  if (dialect === 'rfc4180') return String(n);
  let s = String(n);
  if (/e/i.test(s) || s.replace(/[-.]/g, '').replace(/^0+/, '').length > 15) s = excelNumber.format(n);
  return s.replace('.', ',');
}

function dayText(v: unknown, dialect: Dialect): string | null {
  const iso = v instanceof Date ? (Number.isNaN(v.getTime()) ? '' : v.toISOString()) : typeof v === 'string' ? v : null;
  if (iso == null) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T00:00(?::00(?:\.000)?)?(?:Z)?$)/.exec(iso);
  if (!m) return iso;
  return dialect === 'excel-fr' ? `${m[3]}/${m[2]}/${m[1]}` : `${m[1]}-${m[2]}-${m[3]}`;
}

/** One value as cell text, before quoting; `number` tells that it is a real number (no neutralizing). */
function cellText(v: unknown, col: CsvColumn, dialect: Dialect): { text: string; number: boolean } {
  if (v == null) return { text: '', number: false };
  if (typeof v === 'number') return { text: numberText(v, dialect), number: true };
  if (typeof v === 'bigint') return { text: String(v), number: true };
  if (typeof v === 'boolean') return { text: dialect === 'excel-fr' ? (v ? 'oui' : 'non') : String(v), number: false };
  if (col.type === 'date' || v instanceof Date) {
    const d = dayText(v, dialect);
    if (d != null) return { text: d, number: false };
  }
  if (Array.isArray(v)) return { text: v.map((x) => cellText(x, { name: col.name, type: col.type === 'list' ? 'string' : col.type, enumLabelsFr: col.enumLabelsFr }, dialect).text).join(dialect === 'excel-fr' ? ' | ' : ';'), number: false };
  if (typeof v === 'object') return { text: JSON.stringify(v), number: false };
  const s = String(v);
  if (col.type === 'enum' && dialect === 'excel-fr') return { text: col.enumLabelsFr?.[s] ?? s, number: false };
  if (col.type === 'list' && dialect === 'excel-fr') return { text: s.split(/\s*[;|]\s*/).filter(Boolean).join(' | '), number: false };
  return { text: s, number: false };
}

function quote(cell: string, sep: string): string {
  return cell.includes(sep) || cell.includes('"') || cell.includes('\n') || cell.includes('\r') ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * Rows as CSV. excel-fr: `;`, UTF-8 BOM (else Excel reads Windows-1252: `Ã‰levage`), CRLF, decimal
 * comma, dd/mm/yyyy, French headers and enum labels, lists joined with ` | `, oui/non. rfc4180: `,`,
 * no BOM, CRLF, codes, ISO dates, lists joined with `;`. Both neutralize formulas (see `neutralize`).
 */
export function writeCsv(rows: readonly Record<string, unknown>[], columns: readonly CsvColumn[], dialect: Dialect): string {
  const fr = dialect === 'excel-fr';
  const sep = fr ? ';' : ',';
  const out: string[] = [columns.map((c) => quote(neutralize(fr ? (c.headerFr ?? c.name) : c.name), sep)).join(sep)];
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < columns.length; i++) {
      const col = columns[i]!;
      const { text, number } = cellText(row[col.name], col, dialect);
      if (i) line += sep;
      line += quote(number ? text : neutralize(text), sep);
    }
    out.push(line);
  }
  return (fr ? '\uFEFF' : '') + out.join('\r\n') + '\r\n';
}

/** The ColumnSpecs that read back what `writeCsv` wrote with these columns, in either dialect. */
export function readSpecs(columns: readonly CsvColumn[]): ColumnSpec[] {
  return columns.map((c) => ({ name: c.name, aliases: c.headerFr ? [c.headerFr] : [] }));
}

const safePart = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);

/**
 * `tesr-<scope>-<day>-<part>.<ext>`: the scope (operation, source…) or `all`, its `asOf` day or else
 * `date` (default today, UTC), only [A-Za-z0-9_.-] so that it is a safe file name everywhere.
 */
export function exportFileName(parts: { scope?: string | null; asOf?: string | null; date?: string; part: string; ext: string }): string {
  const scope = (parts.scope && safePart(parts.scope)) || 'all';
  const day = safePart(parts.asOf || parts.date || new Date().toISOString().slice(0, 10)) || 'undated';
  return `tesr-${scope}-${day}-${safePart(parts.part) || 'export'}.${safePart(parts.ext) || 'txt'}`;
}

/**
 * The rows that have a problem, as they were read (so that a partner can fix and re-import the file:
 * `line` and `reason` come last and are ignored on import), one per line, in file order.
 */
export function rejectsCsv(rows: readonly TableRow[], problems: readonly FileProblem[], columns: readonly string[], dialect: Dialect): string {
  const reasons = new Map<number, string[]>();
  for (const p of problems) {
    if (p.line == null) continue;
    const text = p.column && !p.message.startsWith(p.column) ? `${p.column}: ${p.message}` : p.message;
    const list = reasons.get(p.line) ?? [];
    if (!list.includes(text)) list.push(text);
    reasons.set(p.line, list);
  }
  const byLine = new Map(rows.map((r) => [r.line, r]));
  const out = [...reasons.keys()]
    .sort((a, b) => a - b)
    .map((line) => ({ ...Object.fromEntries(columns.map((c) => [c, byLine.get(line)?.cells[c] ?? ''])), line, reason: reasons.get(line)!.join(' ; ') }));
  const cols: CsvColumn[] = [...columns.map((name) => ({ name })), { name: 'line' }, { name: 'reason' }];
  return writeCsv(out, cols, dialect);
}
