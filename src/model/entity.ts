import { Field, InputType } from 'type-graphql';
import { dateParam } from '../common/args';
import { BadInputError, ForbiddenError, type InvalidField } from '../errors';
import { can, Role, type Principal } from '../auth/roles';
import type { FieldSpec } from './field';

export type Fields = Record<string, FieldSpec<any, boolean>>;

/** The value a field holds on a record read back: nullable unless required. */
type ValueOf<F> = F extends FieldSpec<infer T, infer R> ? (R extends true ? T : T | null) : never;
export type ValuesOf<F extends Fields> = { -readonly [K in keyof F]: ValueOf<F[K]> };

/** A rule over a whole record (after every field passed), e.g. "only a PERSON carries an email". */
export type RecordRule = (record: Record<string, unknown>) => InvalidField | null;

/** A stored property computed from a field on every write of it (never an input, never in the feed: `_` prefix). */
export interface Derived {
  readonly from: string;
  readonly compute: (value: unknown) => unknown;
}

/**
 * Whether a record is part of the program's own structure (what only EDITOR and ADMIN may write):
 * a reason naming what it is, or null. `program` is the set of the program's own sources.
 */
export type StructureRule = (record: Record<string, unknown>, program: ReadonlySet<string>) => string | null;

export interface Entity<F extends Fields = Fields> {
  readonly name: string;
  readonly fields: F;
  readonly rules: readonly RecordRule[];
  readonly derived: Readonly<Record<string, Derived>>;
  readonly structure: StructureRule;
  /** Field names, in declaration order. */
  readonly names: readonly string[];
  /** Field names holding personal data. */
  readonly personal: ReadonlySet<string>;
}

export function defineEntity<F extends Fields>(name: string, fields: F, rules: readonly RecordRule[] = [], derived: Record<string, Derived> = {}, structure: StructureRule = () => null): Entity<F> {
  const names = Object.keys(fields);
  for (const key of Object.keys(derived)) if (!key.startsWith('_')) throw new Error(`${name}: derived property ${key} must start with _ (kept out of the feed)`);
  return { name, fields, rules, derived, structure, names, personal: new Set(names.filter((n) => fields[n].flags.personal)) };
}

/** Names of the fields with a flag, in declaration order. */
export const namesWith = (e: Entity, flag: keyof FieldSpec['flags']): string[] => e.names.filter((n) => e.fields[n].flags[flag]);

// ---------------------------------------------------------------------------------------------
// The gate: every write of an entity (create, update, sync, import, restore, seed) comes through.

/**
 * How a write treats fields it was not given: `create` and `replace` (a sync or import record
 * replaces the stored one) make them absent, `patch` (update) leaves them as stored.
 */
export type WriteMode = 'create' | 'replace' | 'patch';

export interface Admitted {
  /** Normalized values of the fields the write sets (plain JS: days as `YYYY-MM-DD`). */
  values: Record<string, unknown>;
  problems: InvalidField[];
}

/**
 * Normalizes and checks the writable fields of one input: trimmed, length-checked, patterns,
 * ranges, real dates. `only` limits the fields to a door's own (sync takes the synced ones).
 * Record rules run here for create/replace; a patch runs them on the stored record (checkRecord).
 */
export function admit(e: Entity, input: Record<string, unknown>, mode: WriteMode, path: string, only: readonly string[] = namesWith(e, 'writable')): Admitted {
  const values: Record<string, unknown> = {};
  const problems: InvalidField[] = [];
  for (const name of only) {
    const f = e.fields[name];
    const given = input[name];
    if (given === undefined && mode === 'patch') continue;
    if (given == null) {
      // A defaulted scalar cleared by a patch reads back as its default (directed by kind); a list becomes empty.
      if (f.defaulted) values[name] = mode === 'patch' && !f.list ? null : f.absent(values);
      else if (f.required) problems.push({ field: `${path}.${name}`, message: mode === 'patch' ? 'cannot be null' : 'is required' });
      else values[name] = f.absent(values);
      continue;
    }
    if (!f.list && Array.isArray(given)) {
      problems.push({ field: `${path}.${name}`, message: 'must be a single value, not a list' });
      continue;
    }
    const r = f.check(given);
    if ('problem' in r) problems.push({ field: `${path}.${name}`, message: r.problem });
    else if (r.value === null && f.required) problems.push({ field: `${path}.${name}`, message: 'must not be blank' });
    else values[name] = r.value ?? f.absent(values);
  }
  if (mode !== 'patch' && problems.length === 0) problems.push(...checkRecord(e, values, path));
  for (const [key, d] of Object.entries(e.derived)) if (d.from in values) values[key] = values[d.from] == null ? null : d.compute(values[d.from]);
  return { values, problems };
}

/**
 * The gate of a sync batch: every item's key (present, unique in the batch) and its synced fields,
 * normalized as for any other write of the entity. Every problem of the batch, each with its path.
 */
export function admitBatch(e: Entity, items: readonly { externalId?: unknown }[], path: string): { values: Record<string, unknown>[]; problems: InvalidField[] } {
  const synced = namesWith(e, 'synced');
  const seen = new Map<string, number>();
  const problems: InvalidField[] = [];
  const values = items.map((item, i) => {
    const p = `${path}.${i}`;
    const key = e.fields.externalId.check(item.externalId ?? '');
    if ('problem' in key) problems.push({ field: `${p}.externalId`, message: key.problem });
    else if (seen.has(key.value as string)) problems.push({ field: `${p}.externalId`, message: `duplicate of item ${seen.get(key.value as string)} in this batch` });
    else seen.set(key.value as string, i);
    const r = admit(e, item as Record<string, unknown>, 'replace', p, synced);
    problems.push(...r.problems);
    return r.values;
  });
  return { values, problems };
}

/** The entity's record rules over a whole record (stored values merged with a patch). */
export function checkRecord(e: Entity, record: object, path: string): InvalidField[] {
  const out: InvalidField[] = [];
  for (const rule of e.rules) {
    const p = rule(record as Record<string, unknown>);
    if (p) out.push({ field: `${path}.${p.field}`, message: p.message });
  }
  return out;
}

/** The program's own sources (PROGRAM_SOURCE and PROGRAM_STAFF_SOURCES): its structure lives there. */
export const programSources = (config: { PROGRAM_SOURCE: string; PROGRAM_STAFF_SOURCES: readonly string[] }): ReadonlySet<string> => new Set([config.PROGRAM_SOURCE, ...config.PROGRAM_STAFF_SOURCES]);

/**
 * Refuses (FORBIDDEN) a write of program structure by a caller that may not change it: only
 * EDITOR and ADMIN keys write the operations' lead roles, the council's departments and governance
 * bodies and the council's internal network. Every door calls it with the record as written.
 */
export function guardStructure(e: Entity, caller: Principal, records: readonly { record: Record<string, unknown>; path: string }[], config: Parameters<typeof programSources>[0], what: string): void {
  if (can(caller, 'writeAnySource')) return;
  const program = programSources(config);
  const found = records.map(({ record, path }) => ({ path, why: e.structure(record, program) })).filter((f) => f.why != null);
  if (!found.length) return;
  const shown = found.slice(0, 5).map((f) => `${f.path}: ${f.why}`).join('; ');
  throw new ForbiddenError(`${what}: ${shown}${found.length > 5 ? ` (and ${found.length - 5} more)` : ''} — that is the program's own structure, which only EDITOR or ADMIN keys may change; nothing was written`, [Role.EDITOR, Role.ADMIN]);
}

/** Throws BAD_USER_INPUT naming every problem (at most ten in the message, all in `invalid`). */
export function refuse(what: string, problems: InvalidField[], nothingWritten = true): never {
  const shown = problems.slice(0, 10).map((f) => `${f.field}: ${f.message}`).join('; ');
  const more = problems.length > 10 ? ` (and ${problems.length - 10} more)` : '';
  throw new BadInputError(`${what} rejected${nothingWritten ? ', nothing was written' : ''}: ${shown}${more}`, problems);
}

/** `admit` that throws on any problem. */
export function admitOrRefuse(e: Entity, input: Record<string, unknown>, mode: WriteMode, path: string, what: string, only?: readonly string[]): Record<string, unknown> {
  const { values, problems } = admit(e, input, mode, path, only);
  if (problems.length) refuse(what, problems);
  return values;
}

/** The source of a new record: the one given (checked like every source), else the caller's. */
export function recordSource(e: Entity, given: string | null | undefined, fallback: string, path = 'input.source'): string {
  if (given == null) return fallback;
  const r = e.fields.source.check(given);
  if ('problem' in r) refuse('The write', [{ field: path, message: r.problem }]);
  return r.value as string;
}

/** Admitted values as Cypher parameters (days as Neo4j Dates). */
export function toParams(e: Entity, values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) out[k] = e.fields[k]?.day ? dateParam(v as string | null) : v;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading records back: one projection per entity, derived from its fields.

/**
 * The Cypher list expression of a projection: `[a.id, a.name, ..., a.createdAt.epochMillis]`.
 * Lists decode faster than maps; the order is the field list's, and `recordBuilder` reads it by
 * the same list, so no position is written by hand anywhere.
 */
export function projection(e: Entity, names: readonly string[], variable: string): string {
  return `[${names.map((n) => e.fields[n].read(variable, n)).join(', ')}]`;
}

/**
 * A function building records of `prototype` from a projection's values (or from a map of named
 * values). Generated once per projection: field names are the model's own identifiers.
 */
export function recordBuilder<T>(e: Entity, names: readonly string[], prototype: object): { fromValues(v: readonly unknown[]): T; fromMap(m: Record<string, unknown>): T } {
  for (const n of names) if (!/^[A-Za-z_]\w*$/.test(n)) throw new Error(`${e.name}: field name ${n} is not an identifier`);
  const Ctor = function (this: Record<string, unknown>) {} as unknown as new () => Record<string, unknown>;
  Ctor.prototype = prototype;
  const instant = (ms: unknown) => (ms == null ? null : ms instanceof Date ? ms : new Date(ms as number));
  const absent = names.map((n) => e.fields[n].absent);
  const isInstant = names.map((n) => e.fields[n].read('x', n).endsWith('.epochMillis'));
  const body = names
    .map((n, i) => {
      const value = isInstant[i] ? `instant(v[${i}])` : `v[${i}]`;
      return `o.${n} = ${value} ?? absent[${i}](o);`;
    })
    .join('\n');
  const fill = new Function('v', 'o', 'absent', 'instant', `${body}\nreturn o;`) as (v: readonly unknown[], o: object, a: typeof absent, i: typeof instant) => T;
  return {
    fromValues: (v) => fill(v, new Ctor(), absent, instant),
    fromMap: (m) => fill(names.map((n) => m[n]), new Ctor(), absent, instant),
  };
}

// ---------------------------------------------------------------------------------------------
// GraphQL classes: fields attached from the table, so that a type never restates them.

type Kind = 'output' | 'create' | 'patch' | 'sync';

/**
 * Declares the entity's fields on a type-graphql class (output type or input). Outputs get every
 * field (personal ones are resolved by the resolver, which checks the role); inputs get the
 * writable (create, patch) or synced (sync) ones, nullable but for required ones on create/sync.
 */
export function declareFields(target: Function, e: Entity, kind: Kind, skip: readonly string[] = []): void {
  for (const name of e.names) {
    if (skip.includes(name)) continue;
    const f = e.fields[name];
    if (kind !== 'output' && (f.flags.system || (kind === 'sync' ? !f.flags.synced : !f.flags.writable))) continue;
    const nullable = kind === 'output' ? !f.required : kind === 'patch' || !f.required || f.defaulted;
    const type = f.list ? [f.graphql] : f.graphql;
    const description = kind === 'output' || kind === 'create' ? f.description : kind === 'patch' ? `${f.description} Omitted: unchanged; null: cleared.` : `${f.description} Omitted or null: cleared.`;
    Field(() => type as any, { nullable: f.list && kind === 'output' ? false : nullable, description })(target.prototype, name);
  }
}

/** An input class for an entity, its fields from the table (plus the door's own, declared on `base`). */
export function entityInput<T>(base: new () => T, e: Entity, kind: Exclude<Kind, 'output'>, name: string, description: string): new () => T {
  declareFields(base, e, kind);
  InputType(name, { description })(base);
  return base;
}
