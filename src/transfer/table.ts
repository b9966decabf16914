/**
 * Reading partner files as they really are: CSV saved by Excel (French or not), LibreOffice or a
 * script, in UTF-8 with or without BOM or in Windows-1252, separated by `,` `;` or tab, with French
 * headers and labels; and JSON, with or without BOM. Pure functions: no database, no throwing on
 * bad input — every problem comes back with its file line so that a partner can find it.
 */

/** A column an import expects. `aliases` are other header names (French ones) that mean it. */
export interface ColumnSpec {
  name: string;
  aliases?: readonly string[];
  required?: boolean;
}
/** A data row: `line` is the 1-based file line where it starts (the header is line 1). */
export interface TableRow {
  line: number;
  /** Canonical column name -> trimmed raw text ('' when empty or absent). */
  cells: Record<string, string>;
}
/** Something wrong in a file. `line` null: about the whole file (e.g. a missing column). */
export interface FileProblem {
  line: number | null;
  column: string | null;
  value: string | null;
  message: string;
}
export interface ReadTable {
  /** Rows read without a file-level problem, in file order (blank rows left out). */
  rows: TableRow[];
  problems: FileProblem[];
  encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252';
  separator: ',' | ';' | '\t';
  /** Header names (as written) that match no column of the spec: ignored, not an error. */
  unknownColumns: string[];
  /** Rows with a problem of their own (unbalanced quote, too many cells, damaged text), as read. */
  rejected: TableRow[];
  /** Canonical column name -> the header as written in the file, for the columns found. */
  headers: Record<string, string>;
}

// Bytes Windows-1252 leaves undefined: a file holding one is not Windows-1252 either.
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
const utf8 = new TextDecoder('utf-8', { fatal: true });
// Node 20's TextDecoder('windows-1252') decodes as Latin-1 (0x80 -> U+0080, not €): 0x80-0x9F by hand.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
function cp1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    const codes = new Array<number>(chunk.length);
    for (let k = 0; k < chunk.length; k++) {
      const b = chunk[k]!;
      codes[k] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b;
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}

const lineAt = (bytes: Uint8Array, end: number): number => {
  let line = 1;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) line++;
  return line;
};
const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

/** The first byte that makes `bytes` invalid UTF-8 (for the message), or -1. */
function firstBadUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (!len) return i;
    for (let k = 1; k < len; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += len;
  }
  return -1;
}

function decodeOnly(bytes: Buffer, fileName: string): { text: string; encoding: ReadTable['encoding']; problems: FileProblem[] } {
  const problem = (message: string, line: number | null = null): FileProblem => ({ line, column: null, value: null, message });
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const endian = bytes[0] === 0xff ? 'little-endian' : 'big-endian';
    return { text: '', encoding: 'utf-8', problems: [problem(`${fileName} is in UTF-16 (${endian}), not UTF-8 or Windows-1252: save it as "CSV UTF-8" (Excel) or "Text CSV, UTF-8" (LibreOffice)`)] };
  }
  if (bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) {
    return { text: '', encoding: 'utf-8', problems: [problem(`${fileName} is a workbook (.xlsx or .ods, a zip file), not CSV text: save the sheet as "CSV UTF-8"`)] };
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  // text never holds NUL: UTF-16 without BOM (valid UTF-8 byte by byte) or a binary file
  const nul = body.indexOf(0);
  if (nul >= 0) return { text: '', encoding: 'utf-8', problems: [problem(`${fileName} holds NUL bytes (line ${lineAt(body, nul)}): it looks like UTF-16 or a binary file (an .xlsx?), not UTF-8 or Windows-1252 text; save it as "CSV UTF-8"`)] };
  try {
    return { text: utf8.decode(body), encoding: bom ? 'utf-8-bom' : 'utf-8', problems: [] };
  } catch {
    // not UTF-8: Windows-1252 unless a byte says otherwise
  }
  const bad = firstBadUtf8(body);
  if (bom) {
    return { text: '', encoding: 'utf-8-bom', problems: [problem(`${fileName} starts with a UTF-8 byte order mark but byte ${hex(body[bad] ?? 0)} on line ${lineAt(body, bad)} is not UTF-8: the file mixes encodings; save it again as "CSV UTF-8"`, lineAt(body, bad))] };
  }
  for (let i = 0; i < body.length; i++) {
    if (CP1252_UNDEFINED.has(body[i]!)) {
      return { text: '', encoding: 'windows-1252', problems: [problem(`${fileName} is neither UTF-8 nor Windows-1252: byte ${hex(body[i]!)} on line ${lineAt(body, i)} is valid in neither; save it as "CSV UTF-8"`, lineAt(body, i))] };
    }
  }
  return { text: cp1252(body), encoding: 'windows-1252', problems: [] };
}

/**
 * Bytes to text: UTF-8 (BOM removed) when valid, else Windows-1252 (what Excel's plain "CSV" saves
 * on a French Windows). Anything else (UTF-16, binary, bytes undefined in Windows-1252) gives '' and
 * a problem naming the encoding. Text already holding U+FFFD (damaged by an earlier conversion)
 * is reported on its first line.
 */
export function decodeText(bytes: Buffer, fileName: string): { text: string; encoding: ReadTable['encoding']; problems: FileProblem[] } {
  const out = decodeOnly(bytes, fileName);
  const at = out.text.indexOf('\uFFFD');
  if (at >= 0) {
    const line = out.text.slice(0, at).split('\n').length;
    out.problems.push({ line, column: null, value: null, message: `line ${line} holds the replacement character "\uFFFD": the text was damaged by an earlier conversion; export it again from the original` });
  }
  return out;
}

/** Accent-, case-, space/underscore/hyphen-insensitive key: « Société civile » == 'SOCIETE_CIVILE'. */
export function labelKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'OE')
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'AE')
    .replace(/[’‘ʼ`´]/g, "'")
    .toLowerCase()
    .replace(/[\s_\-\u2010-\u2014]+/g, '');
}

/** An enum value from its code or any of its labels (see `labelKey`), or null. */
export function matchEnum(value: string, values: readonly string[], labels?: Readonly<Record<string, readonly string[]>>): string | null {
  const key = labelKey(value);
  if (!key) return null;
  for (const v of values) if (labelKey(v) === key) return v;
  if (labels) for (const v of values) for (const l of labels[v] ?? []) if (labelKey(l) === key) return v;
  return null;
}

/** A number written the French way or the English way: '1,5' '1.5' '1 000,5' '1.000,5' '1,000.5' '-2' '1E-3'. */
export function parseDecimal(s: string): number | null {
  // spaces, no-break spaces (Excel fr) and narrow no-break spaces (Intl fr) group thousands
  let t = s.trim().replace(/[\s\u00a0\u202f']/g, '').replace(/^\u2212/, '-');
  if (!t) return null;
  const comma = t.lastIndexOf(',');
  const dot = t.lastIndexOf('.');
  const grouped = (x: string, g: string) => new RegExp(`^[+-]?\\d{1,3}(\\${g}\\d{3})+$`).test(x);
  if (comma >= 0 && dot >= 0) {
    // both: the last one is the decimal mark, the other groups thousands
    const group = comma > dot ? '.' : ',';
    const [int, frac] = [t.slice(0, Math.max(comma, dot)), t.slice(Math.max(comma, dot) + 1)];
    if (!grouped(int, group)) return null;
    t = `${int.split(group).join('')}.${frac}`;
  } else if (comma >= 0) {
    if (t.indexOf(',') !== comma) {
      if (!grouped(t, ',')) return null;
      t = t.split(',').join('');
    } else t = t.replace(',', '.');
  } else if (dot >= 0 && t.indexOf('.') !== dot) {
    if (!grouped(t, '.')) return null;
    t = t.split('.').join('');
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** 'dd/mm/yyyy', 'd/m/yyyy' or 'yyyy-mm-dd' -> 'YYYY-MM-DD', only for a real calendar date. */
export function parseDay(s: string): string | null {
  const t = s.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t))) [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else return null;
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A list cell: items separated by `|` or `;` (what the exports write), trimmed, empty ones dropped. */
export function splitList(s: string): string[] {
  return s.split(/[|;]/).map((x) => x.trim()).filter(Boolean);
}

/** Undoes the writers' formula neutralization: `'=x` -> `=x` (see csv.ts `neutralize`). */
export function unneutralize(cell: string): string {
  return cell.charCodeAt(0) === 0x27 && /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** The separator of a header line: the most frequent of `;` `,` tab outside quotes (`;` wins ties). */
export function detectSeparator(text: string): ReadTable['separator'] {
  // the header is the first line with something on it
  let i = 0;
  for (;;) {
    let end = i;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    if (end >= text.length || text.slice(i, end).replace(/[\s,;]/g, '') !== '') break;
    i = end + 1;
  }
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (c === ';' || c === ',' || c === '\t')) counts[c]++;
  }
  const best = (Object.keys(counts) as Array<keyof typeof counts>).reduce((a, b) => (counts[b] > counts[a] ? b : a));
  return counts[best] > 0 ? best : ',';
}

interface RawRecord {
  line: number;
  cells: string[];
  problem: string | null;
}

/** Line breaks in a quoted cell's text (CRLF counts once, a lone CR too: old Mac files). */
function breaks(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && s.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}

/** RFC 4180 records, lenient like Excel, keeping the file line where each record starts. */
function parseRecords(text: string, sep: string): RawRecord[] {
  const out: RawRecord[] = [];
  const SEP = sep.charCodeAt(0);
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const rec: RawRecord = { line, cells: [], problem: null };
    for (;;) {
      let j = i;
      while (j < n && (text.charCodeAt(j) === 32 || (text.charCodeAt(j) === 9 && SEP !== 9))) j++;
      if (j < n && text.charCodeAt(j) === 34) {
        const open = j;
        let buf = '';
        let closed = false;
        j++;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) break;
          buf += text.slice(j, q);
          if (text.charCodeAt(q + 1) === 34) {
            buf += '"';
            j = q + 2;
            continue;
          }
          closed = true;
          j = q + 1;
          break;
        }
        if (!closed) {
          // keep the rest of the file: this line is read with its quote as plain text, and reading goes on
          let end = open;
          while (end < n && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
          rec.cells.push(...text.slice(i, end).split(sep));
          rec.problem = `a quoted cell opens on line ${line} and is never closed`;
          if (end < n) end += text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1;
          line++;
          i = end;
          break;
        }
        line += breaks(buf);
        let k = j;
        while (k < n && text.charCodeAt(k) !== SEP && text.charCodeAt(k) !== 10 && text.charCodeAt(k) !== 13) k++;
        const after = text.slice(j, k);
        if (after.trim()) {
          buf += after;
          rec.problem ??= `text after the closing quote of a cell on line ${line}: ${JSON.stringify(after.trim())} (a quote inside a quoted cell is written twice: "")`;
        }
        rec.cells.push(buf);
        j = k;
      } else {
        let k = i;
        for (; k < n; k++) {
          const c = text.charCodeAt(k);
          if (c === SEP || c === 10 || c === 13) break;
        }
        rec.cells.push(text.slice(i, k));
        j = k;
      }
      if (j >= n) {
        i = n;
        break;
      }
      const c = text.charCodeAt(j);
      if (c === SEP) {
        i = j + 1;
        continue;
      }
      i = j + (c === 13 && text.charCodeAt(j + 1) === 10 ? 2 : 1);
      line++;
      break;
    }
    out.push(rec);
  }
  return out;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 0xa0 || (c >= 10 && c <= 13) || c === 0x202f || c === 0xfeff;
const blankCell = (s: string) => {
  for (let i = 0; i < s.length; i++) if (!isSpace(s.charCodeAt(i))) return false;
  return true;
};
const blank = (cells: readonly string[]) => cells.every(blankCell);
// before the header, a line of separators is blank whatever the separator turns out to be
const blankLine = (cells: readonly string[]) => cells.every((c) => /^[\s,;]*$/.test(c));
const quoteName = (s: string) => `"${s}"`;

/**
 * A CSV table read against the columns an import expects. Headers match a column's name or alias
 * through `labelKey`; a missing required column is one problem (line null); blank rows (Excel's
 * trailing `;;;;`) and trailing empty cells are ignored; broken rows are reported with their line.
 */
export function readTable(bytes: Buffer, columns: readonly ColumnSpec[], fileName: string): ReadTable {
  const decoded = decodeOnly(bytes, fileName);
  const problems = [...decoded.problems];
  const separator = detectSeparator(decoded.text);
  const result: ReadTable = { rows: [], problems, encoding: decoded.encoding, separator, unknownColumns: [], rejected: [], headers: {} };
  if (!decoded.text && problems.length) return result;

  const byKey = new Map<string, ColumnSpec>();
  for (const spec of columns) {
    for (const name of [spec.name, ...(spec.aliases ?? [])]) {
      const key = labelKey(name);
      const other = byKey.get(key);
      if (other && other !== spec) throw new Error(`column spec: ${JSON.stringify(name)} names both ${other.name} and ${spec.name}`);
      byKey.set(key, spec);
    }
  }

  const records = parseRecords(decoded.text, separator);
  const headerAt = records.findIndex((r) => !blankLine(r.cells));
  if (headerAt < 0) {
    problems.push({ line: null, column: null, value: null, message: `${fileName} is empty: no header line` });
    return result;
  }
  const header = records[headerAt]!;
  if (header.problem) problems.push({ line: header.line, column: null, value: null, message: `header: ${header.problem}` });
  const slots: Array<string | null> = [];
  header.cells.forEach((raw) => {
    const name = raw.trim();
    const spec = name ? byKey.get(labelKey(name)) : undefined;
    if (!spec) {
      slots.push(null);
      if (name) result.unknownColumns.push(name);
    } else if (result.headers[spec.name] != null) {
      slots.push(null);
      problems.push({ line: header.line, column: spec.name, value: name, message: `columns ${quoteName(result.headers[spec.name]!)} and ${quoteName(name)} both mean ${spec.name}: the second one is ignored` });
    } else {
      slots.push(spec.name);
      result.headers[spec.name] = name;
    }
  });
  for (const spec of columns) {
    if (spec.required && result.headers[spec.name] == null) {
      const names = [spec.name, ...(spec.aliases ?? [])].map(quoteName).join(', ');
      problems.push({ line: null, column: spec.name, value: null, message: `missing column ${quoteName(spec.name)} (a header named ${names})` });
    }
  }
  let width = header.cells.length;
  while (width > 0 && blankCell(header.cells[width - 1]!)) width--;
  const damaged = decoded.text.includes('\uFFFD');
  const mapped = slots.flatMap((name, index) => (name ? [{ name, index }] : []));

  for (let r = headerAt + 1; r < records.length; r++) {
    const rec = records[r]!;
    if (blank(rec.cells)) continue;
    const cells: Record<string, string> = {};
    for (const spec of columns) cells[spec.name] = '';
    for (const { name, index } of mapped) {
      const raw = rec.cells[index];
      if (raw) cells[name] = unneutralize(raw.trim());
    }
    const row: TableRow = { line: rec.line, cells };
    let used = rec.cells.length;
    while (used > 0 && blankCell(rec.cells[used - 1]!)) used--;
    let bad = false;
    if (rec.problem) {
      problems.push({ line: rec.line, column: null, value: null, message: rec.problem });
      bad = true;
    }
    if (used > width) {
      problems.push({ line: rec.line, column: null, value: rec.cells.slice(width, used).join(separator), message: `${used} cells but the header has ${width} columns (a separator inside a cell that is not quoted?)` });
      bad = true;
    }
    if (damaged) for (const name in cells) {
      if (cells[name]!.includes('\uFFFD')) {
        problems.push({ line: rec.line, column: name, value: cells[name]!, message: `holds the replacement character "\uFFFD": the text was damaged by an earlier conversion` });
        bad = true;
      }
    }
    (bad ? result.rejected : result.rows).push(row);
  }
  return result;
}

/** JSON, with or without BOM, in UTF-8 or Windows-1252; a syntax error comes back with its line. */
export function readJson(bytes: Buffer, fileName: string): { data: unknown; problems: FileProblem[] } {
  const decoded = decodeText(bytes, fileName);
  if (!decoded.text && decoded.problems.length) return { data: null, problems: decoded.problems };
  try {
    return { data: JSON.parse(decoded.text), problems: decoded.problems };
  } catch (err) {
    const message = (err as Error).message;
    const pos = /position (\d+)/.exec(message);
    const lc = /line (\d+) column (\d+)/.exec(message);
    const line = lc ? Number(lc[1]) : pos ? decoded.text.slice(0, Number(pos[1])).split('\n').length : null;
    return { data: null, problems: [...decoded.problems, { line, column: null, value: null, message: `${fileName} is not valid JSON${line ? ` (line ${line})` : ''}: ${message}` }] };
  }
}
