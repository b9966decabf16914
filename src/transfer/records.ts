import { ACTOR } from '../actors/actor.model';
import { BOND } from '../bonds/bond.model';
import { namesWith, type Entity } from '../model/entity';
import type { FieldSpec } from '../model/field';
import type { ActorSyncInput, BondSyncInput } from '../sync/sync.type';
import { labelsOfCodes } from './labels-fr';
import { decodeText, matchEnum, parseDay, parseDecimal, readJson, readTable, splitList, unneutralize, type ColumnSpec, type FileProblem, type TableRow } from './table';

/**
 * The import and export formats, derived from the entities' tables: one column per synced field
 * (its name, or a French alias), plus the record's key and, for bonds, its ends.
 */
export interface Format {
  entity: Entity;
  columns: ColumnSpec[];
  /** Columns an import reads but that are not fields of the entity (the key, a bond's ends). */
  refs: readonly string[];
}

const KEY_ALIASES = ACTOR.fields.externalId.csv.aliases;

function formatOf(e: Entity, ends: ColumnSpec[]): Format {
  const columns: ColumnSpec[] = [{ name: 'externalId', aliases: KEY_ALIASES, required: true }, ...ends];
  for (const name of namesWith(e, 'synced')) columns.push({ name, aliases: e.fields[name].csv.aliases, required: e.fields[name].required && !e.fields[name].defaulted });
  return { entity: e, columns, refs: ends.map((c) => c.name) };
}

export const ACTOR_FORMAT = formatOf(ACTOR, []);
export const BOND_FORMAT = formatOf(BOND, [
  { name: 'from', aliases: ['de', 'acteur 1', 'acteur source', 'émetteur'], required: true },
  { name: 'to', aliases: ['vers', 'acteur 2', 'acteur cible', 'destination', 'destinataire'], required: true },
]);

/** French labels of an enum field's values: every label table entry whose code is one of them. */
const labelsOf = (f: FieldSpec): Record<string, readonly string[]> | undefined => (f.values ? labelsOfCodes(f.values) : undefined);

const TRUE = new Set(['true', 'vrai', 'oui', '1', 'yes', 'o', 'x']);
const FALSE = new Set(['false', 'faux', 'non', '0', 'no', 'n']);

/**
 * One cell as the field's value: enums by code or French label, lists split on `|` or `;`,
 * decimal commas, dd/mm/yyyy dates, oui/non. Null for an empty cell; a problem naming the allowed
 * values otherwise. The value then goes through the entity's gate like any other write.
 */
export function cellValue(f: FieldSpec, raw: string): { value: unknown } | { problem: string } {
  const s = unneutralize(raw);
  // An empty text cell goes to the gate as text, so that a blank name gets the same answer as through GraphQL.
  if (s === '') return { value: f.list ? [] : f.kind === 'text' ? '' : null };
  if (f.kind === 'enum' && f.values) {
    const v = matchEnum(s, f.values, labelsOf(f));
    if (v != null) return { value: v };
    const labels = labelsOf(f) ?? {};
    return { problem: `is not one of ${f.values.map((code) => (labels[code]?.[0] ? `${code} (« ${labels[code]![0]} »)` : code)).join(', ')}` };
  }
  if (f.kind === 'list') return { value: splitList(s) };
  if (f.kind === 'day') return parseDay(s) != null ? { value: parseDay(s) } : { problem: 'is not a date (write dd/mm/yyyy or yyyy-mm-dd, a real calendar day)' };
  if (f.kind === 'number') {
    const n = parseDecimal(s);
    return n == null ? { problem: 'is not a number (1,5 and 1.5 both work)' } : { value: n };
  }
  if (f.kind === 'boolean') {
    const k = s.toLowerCase();
    return TRUE.has(k) ? { value: true } : FALSE.has(k) ? { value: false } : { problem: 'must be oui/non (true/false)' };
  }
  return { value: s };
}

/** `"source/externalId"`, `"act_…"` (an API id) or a plain externalId of the import's own source. */
export function toRef(s: string): { id?: string; externalId?: string; source?: string } {
  if (/^act_[0-9a-z]+$/.test(s)) return { id: s };
  const slash = s.indexOf('/');
  return slash > 0 ? { source: s.slice(0, slash), externalId: s.slice(slash + 1) } : { externalId: s };
}

/** A record read from a file, with the line it came from (null for JSON, where items have an index). */
export interface FileItem<T> {
  line: number | null;
  index: number;
  input: T;
}

export interface TransferFile {
  actors: FileItem<ActorSyncInput>[];
  bonds: FileItem<BondSyncInput>[];
  problems: FileProblem[];
  /** Every row of a CSV file as read (problem rows included), for `--rejects`. */
  rows: TableRow[];
  encoding: string;
  separator: string | null;
  unknownColumns: string[];
  /** The format of a CSV file (actors or bonds), for the rejects file's columns. */
  format: Format | null;
}

/**
 * Bonds exported from one source and imported under another link the copies: an end written as
 * `origin/key`, where `origin` is the bond's own exported source, becomes `key` in the import's
 * source (the copies of the origin's actors are there).
 */
function rehome(ref: { id?: string; externalId?: string; source?: string }, origin: string | null): typeof ref {
  return origin != null && ref.source === origin ? { externalId: ref.externalId } : ref;
}

function fromCells(format: Format, row: TableRow, problems: FileProblem[]): Record<string, unknown> {
  const out: Record<string, unknown> = { externalId: row.cells.externalId ?? '' };
  for (const name of namesWith(format.entity, 'synced')) {
    const raw = row.cells[name] ?? '';
    const r = cellValue(format.entity.fields[name], raw);
    if ('problem' in r) problems.push({ line: row.line, column: name, value: raw, message: `${name} ${r.problem}` });
    else out[name] = r.value;
  }
  if (format === BOND_FORMAT) {
    const origin = row.cells.source ? row.cells.source : null;
    out.from = rehome(toRef(row.cells.from ?? ''), origin);
    out.to = rehome(toRef(row.cells.to ?? ''), origin);
  }
  return out;
}

function fromJson(format: Format, item: unknown): Record<string, unknown> {
  if (item == null || typeof item !== 'object' || Array.isArray(item)) return {};
  const o = item as Record<string, unknown>;
  const out: Record<string, unknown> = { externalId: typeof o.externalId === 'string' ? o.externalId : o.externalId == null ? '' : String(o.externalId) };
  for (const name of namesWith(format.entity, 'synced')) {
    const v = o[name];
    const f = format.entity.fields[name];
    // Enum labels and French dates are read as in a CSV; anything else goes to the gate as given.
    const read = typeof v === 'string' && (f.kind === 'enum' || f.kind === 'day') ? cellValue(f, v) : null;
    out[name] = read && 'value' in read ? read.value : v;
  }
  if (format === BOND_FORMAT) {
    const origin = typeof o.source === 'string' ? o.source : null;
    const ref = (v: unknown) => rehome(v && typeof v === 'object' ? (v as any) : toRef(String(v ?? '')), origin);
    out.from = ref(o.from);
    out.to = ref(o.to);
  }
  return out;
}

/**
 * Reads an import file: JSON (an array of actors, or `{ actors, bonds }`, with or without BOM) or
 * CSV (actors, or bonds when it has from/to columns; `,` `;` or tab; UTF-8 with or without BOM,
 * or Windows-1252; French headers and labels). Every problem comes with its file line and column;
 * nothing is thrown for bad content.
 */
export function parseTransferFile(name: string, bytes: Buffer): TransferFile {
  const { text } = decodeText(bytes, name);
  if (/\.json$/i.test(name) || /^\s*[[{]/.test(text)) {
    const { data, problems } = readJson(bytes, name);
    const file: TransferFile = { actors: [], bonds: [], problems, rows: [], encoding: 'utf-8', separator: null, unknownColumns: [], format: null };
    if (problems.length) return file;
    const actors = Array.isArray(data) ? data : ((data as any)?.actors ?? []);
    const bonds = Array.isArray(data) ? [] : ((data as any)?.bonds ?? []);
    if (!Array.isArray(actors) || !Array.isArray(bonds)) {
      file.problems.push({ line: null, column: null, value: null, message: `${name}: expected an array of actors or { "actors": [...], "bonds": [...] }` });
      return file;
    }
    file.actors = actors.map((a, index) => ({ line: null, index, input: fromJson(ACTOR_FORMAT, a) as unknown as ActorSyncInput }));
    file.bonds = bonds.map((b, index) => ({ line: null, index, input: fromJson(BOND_FORMAT, b) as unknown as BondSyncInput }));
    return file;
  }
  // A bond file names its ends; anything else is an actor file.
  const sourceColumn: ColumnSpec = { name: 'source', aliases: ACTOR.fields.source.csv.aliases };
  const probe = readTable(bytes, [...BOND_FORMAT.columns, sourceColumn], name);
  const isBonds = 'from' in probe.headers && 'to' in probe.headers;
  const format = isBonds ? BOND_FORMAT : ACTOR_FORMAT;
  const table = isBonds ? probe : readTable(bytes, [...ACTOR_FORMAT.columns, sourceColumn], name);
  const problems = [...table.problems];
  const items = table.rows.map((row, index) => ({ line: row.line, index, input: fromCells(format, row, problems) }));
  const file: TransferFile = {
    actors: isBonds ? [] : (items as unknown as FileItem<ActorSyncInput>[]),
    bonds: isBonds ? (items as unknown as FileItem<BondSyncInput>[]) : [],
    problems,
    rows: [...table.rows, ...table.rejected].sort((a, b) => a.line - b.line),
    encoding: table.encoding,
    separator: table.separator,
    unknownColumns: table.unknownColumns.filter((c) => !['id', 'source'].includes(c.toLowerCase())),
    format,
  };
  return file;
}
