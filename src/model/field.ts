import { GraphQLBoolean, GraphQLFloat, GraphQLID, GraphQLInt, GraphQLString, type GraphQLScalarType } from 'graphql';
import { DateScalar, DateTime } from '../common/scalars';

/**
 * One field of an entity, declared once: its GraphQL type and description, how a value is
 * normalized and checked on every write (whatever the door), how Cypher reads it back, and flags
 * that the inputs, the card projection, the change feed and the exports are derived from.
 */
export interface FieldSpec<T = unknown, Required extends boolean = boolean> {
  /** The GraphQL type of one value: a scalar, or an enum object registered with type-graphql. */
  readonly graphql: GraphQLScalarType | object;
  readonly list: boolean;
  readonly required: Required;
  readonly description: string;
  /** Normalizes one non-null value, or says what is wrong with it (a message a person can act on). */
  readonly check: (v: unknown) => Checked<T>;
  /** How a query reads the stored value (`x` is the Cypher variable), e.g. `toString(x.since)`. */
  readonly read: (x: string, name: string) => string;
  /** What a missing value becomes when a record is read or replaced (`[]` for tags). */
  readonly absent: (record: Record<string, unknown>) => T | null;
  /** Stored as a Neo4j Date (`YYYY-MM-DD` strings become Dates in parameters). */
  readonly day: boolean;
  /** A required field that inputs may omit: `absent` gives its value (a bond's `directed`). */
  readonly defaulted: boolean;
  readonly flags: FieldFlags;
  readonly csv: { readonly aliases: readonly string[]; readonly headerFr: string };
  /** Allowed values, for enum fields (import help and French labels). */
  readonly values?: readonly string[];
  /** What a file cell holds (how an import reads it and an export writes it). */
  readonly kind: 'text' | 'enum' | 'list' | 'number' | 'day' | 'boolean' | 'system';
}

export interface FieldFlags {
  /** Part of the entity's card (what list pages read when they ask for nothing else: actors, participations). */
  readonly card: boolean;
  /** Personal data: only EDITOR/ADMIN read it; never in the change feed or exports by default. */
  readonly personal: boolean;
  /** Written by partners through sync and import. */
  readonly synced: boolean;
  /** Written to export files (and read back by import). */
  readonly exported: boolean;
  /** Set by create/update inputs. */
  readonly writable: boolean;
  /** Maintained by the database (id, version, timestamps): never in an input. */
  readonly system: boolean;
}

export type Checked<T> = { value: T } | { problem: string };
export const ok = <T>(value: T): Checked<T> => ({ value });
export const bad = (problem: string): Checked<never> => ({ problem });

export type FieldOptions<R extends boolean> = {
  description: string;
  required?: R;
  card?: boolean;
  personal?: boolean;
  synced?: boolean;
  exported?: boolean;
  writable?: boolean;
  /** French column names an import accepts besides the field's own name. */
  aliases?: readonly string[];
  headerFr?: string;
};

function field<T, R extends boolean>(opts: FieldOptions<R>, spec: Partial<FieldSpec<T, R>> & Pick<FieldSpec<T, R>, 'graphql' | 'check' | 'kind'>): FieldSpec<T, R> {
  const writable = opts.writable ?? true;
  return {
    list: false,
    read: (x, name) => `${x}.${name}`,
    absent: () => null,
    day: false,
    defaulted: false,
    ...spec,
    required: (opts.required ?? false) as R,
    description: opts.description,
    flags: {
      card: opts.card ?? false,
      personal: opts.personal ?? false,
      synced: opts.synced ?? writable,
      exported: opts.exported ?? !(opts.personal ?? false),
      writable,
      system: false,
    },
    csv: { aliases: opts.aliases ?? [], headerFr: opts.headerFr ?? opts.aliases?.[0] ?? '' },
  };
}

/** C0 controls and DEL: never in a stored string. */
const CONTROL = /[\u0000-\u001f\u007f]/;
/** The same, but tabs and line breaks allowed (descriptions). */
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const TAG = /^[\p{L}\p{N}][\p{L}\p{N}_:.\-/ ]{0,63}$/u;
const SOURCE = /^[a-z0-9][a-z0-9_.-]{0,63}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 .()-]{4,30}$/;

/** A system of record's name, the same rule for keys, JWT claims, sync, import and inputs. */
export const isValidSource = (s: unknown): s is string => typeof s === 'string' && SOURCE.test(s);
export const SOURCE_RULE = '1-64 lowercase letters, digits, _ . - (starting with a letter or digit)';

/** Trims first, then checks: what is stored is what was measured. */
function trimmed(v: unknown, what: string, max: number, multiline: boolean): Checked<string | null> {
  if (typeof v !== 'string') return bad(`must be text, not ${typeof v}`);
  const s = v.normalize('NFC').trim();
  if ((multiline ? CONTROL_IN_TEXT : CONTROL).test(s)) return bad(`must not contain control characters${multiline ? ' (tabs and line breaks are fine)' : ''}`);
  if (s.length > max) return bad(`must be at most ${max} characters (got ${s.length})`);
  return ok(s === '' ? null : s);
}

/** Free text: trimmed; blank means absent (refused when required). */
export function text<R extends boolean = false>(opts: FieldOptions<R> & { max: number; multiline?: boolean }): FieldSpec<string, R> {
  return field(opts, {
    graphql: GraphQLString,
    kind: 'text',
    check: (v) => {
      const r = trimmed(v, opts.description, opts.max, opts.multiline ?? false);
      if ('problem' in r) return r;
      if (r.value === null) return opts.required ? bad('must not be blank') : (ok(null) as Checked<string>);
      return ok(r.value);
    },
  });
}

/** One value of a registered enum. */
export function choice<E extends Record<string, string>, R extends boolean = false>(values: E, opts: FieldOptions<R>): FieldSpec<E[keyof E], R> {
  const allowed = Object.values(values);
  return field(opts, {
    graphql: values,
    kind: 'enum',
    values: allowed,
    check: (v) => (allowed.includes(v as string) ? ok(v as E[keyof E]) : bad(`must be one of ${allowed.join(', ')} (got ${JSON.stringify(v)})`)),
  });
}

/** Free tags: trimmed, de-duplicated, at most 50 of 1-64 letters, digits, `_:.-/` and spaces; none when omitted. */
export function tags(opts: FieldOptions<false>): FieldSpec<string[], true> {
  return field({ ...opts, required: true }, {
    graphql: GraphQLString,
    kind: 'list',
    list: true,
    absent: () => [],
    defaulted: true,
    check: (v) => {
      if (!Array.isArray(v)) return bad('must be a list of tags');
      const out: string[] = [];
      for (const t of v) {
        const s = typeof t === 'string' ? t.normalize('NFC').trim() : t;
        if (typeof s !== 'string' || !TAG.test(s)) return bad(`each tag must be 1-64 letters, digits or _:.-/ and spaces, starting with a letter or digit (got ${JSON.stringify(t)})`);
        if (!out.includes(s)) out.push(s);
      }
      if (out.length > 50) return bad(`at most 50 tags (got ${out.length})`);
      return ok(out);
    },
  });
}

function pattern<R extends boolean>(opts: FieldOptions<R>, max: number, test: (s: string) => boolean, rule: string): FieldSpec<string, R> {
  return field(opts, {
    graphql: GraphQLString,
    kind: 'text',
    check: (v) => {
      const r = trimmed(v, opts.description, max, false);
      if ('problem' in r) return r;
      if (r.value === null) return opts.required ? bad('must not be blank') : (ok(null) as Checked<string>);
      return test(r.value) ? ok(r.value) : bad(`${rule} (got ${JSON.stringify(r.value)})`);
    },
  });
}

export const email = (opts: FieldOptions<false>) => pattern(opts, 254, (s) => EMAIL.test(s), 'must be an email address');
export const phone = (opts: FieldOptions<false>) => pattern(opts, 30, (s) => PHONE.test(s), 'must be digits, spaces and + . ( ) -, 4-30 characters');

/** An absolute http(s) URL. */
export const url = (opts: FieldOptions<false>) =>
  pattern(opts, 2000, (s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
    } catch {
      return false;
    }
  }, 'must be an http:// or https:// URL');

/** A finite number within bounds (both inclusive). */
export function number<R extends boolean = false>(opts: FieldOptions<R> & { min: number; max: number }): FieldSpec<number, R> {
  return field(opts, {
    graphql: GraphQLFloat,
    kind: 'number',
    check: (v) => (typeof v === 'number' && Number.isFinite(v) && v >= opts.min && v <= opts.max ? ok(v) : bad(`must be a number from ${opts.min} to ${opts.max} (got ${typeof v === 'number' ? String(v) : JSON.stringify(v)})`)),
  });
}

/** A whole number within bounds (both inclusive), e.g. a year. */
export function integer<R extends boolean = false>(opts: FieldOptions<R> & { min: number; max: number }): FieldSpec<number, R> {
  return field(opts, {
    graphql: GraphQLInt,
    kind: 'number',
    check: (v) => (typeof v === 'number' && Number.isInteger(v) && v >= opts.min && v <= opts.max ? ok(v) : bad(`must be a whole number from ${opts.min} to ${opts.max} (got ${typeof v === 'number' ? String(v) : JSON.stringify(v)})`)),
  });
}

export function boolean<R extends boolean = false>(opts: FieldOptions<R> & { absent?: (record: Record<string, unknown>) => boolean | null }): FieldSpec<boolean, R> {
  return field(opts, {
    graphql: GraphQLBoolean,
    kind: 'boolean',
    absent: opts.absent ?? (() => null),
    defaulted: opts.absent != null,
    check: (v) => (typeof v === 'boolean' ? ok(v) : bad('must be true or false')),
  });
}

/** Calendar days a record may carry: real dates, within the years a program can span. */
export const FIRST_DAY = '1900-01-01';
export const LAST_DAY = '2100-12-31';

/** `YYYY-MM-DD` when `s` is a real calendar date (2014-02-30 is not), else null. */
export function calendarDay(v: unknown): string | null {
  const s = v instanceof Date ? (Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10)) : v;
  if (typeof s !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(2000, mo - 1, d));
  t.setUTCFullYear(y); // Date.UTC reads years 0-99 as 1900-1999
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d ? s : null;
}

/** A calendar day between FIRST_DAY and LAST_DAY, stored as a Neo4j Date. */
export function day(opts: FieldOptions<false>): FieldSpec<string, false> {
  return field(opts, {
    graphql: DateScalar,
    kind: 'day',
    day: true,
    read: (x, name) => `toString(${x}.${name})`,
    check: (v) => {
      const s = calendarDay(v);
      if (s == null) return bad(`must be a real calendar date YYYY-MM-DD (got ${JSON.stringify(v instanceof Date ? v.toISOString() : v)})`);
      return s < FIRST_DAY || s > LAST_DAY ? bad(`must be between ${FIRST_DAY} and ${LAST_DAY} (got ${s})`) : ok(s);
    },
  });
}

/** A key in a partner's system of record: 1-200 characters, no control characters, kept as given. */
export function key(opts: FieldOptions<false>): FieldSpec<string, false> {
  return field({ ...opts, writable: opts.writable ?? true }, {
    graphql: GraphQLString,
    kind: 'text',
    check: (v) => (typeof v === 'string' && v.length >= 1 && v.length <= 200 && !CONTROL.test(v) && v.trim() === v ? ok(v) : bad('must be 1-200 characters, no control characters and no leading or trailing spaces')),
  });
}

export function source(opts: FieldOptions<true>): FieldSpec<string, true> {
  return field(opts, { graphql: GraphQLString, kind: 'text', check: (v) => (isValidSource(v) ? ok(v) : bad(`must be ${SOURCE_RULE} (got ${JSON.stringify(v)})`)) });
}

/** Fields the database maintains; read-only, in no input. */
function system<T>(graphql: GraphQLScalarType, description: string, read?: FieldSpec<T, true>['read']): FieldSpec<T, true> {
  const f = field<T, true>({ description, required: true, writable: false, synced: false, exported: false }, { graphql, kind: 'system', check: (v) => ok(v as T), ...(read ? { read } : {}) });
  return { ...f, flags: { ...f.flags, system: true } };
}
export const idField = (description = 'Opaque, stable identifier.') => system<string>(GraphQLID, description);
export const versionField = () => system<number>(GraphQLInt, 'Incremented by every change; pass it as `expectedVersion` to update safely.');
export const instantField = (description: string) => system<Date>(DateTime, description, (x, name) => `${x}.${name}.epochMillis`);
/** An end of a relationship, read from the graph (never a stored property). */
export const endField = (description: string, end: 'startNode' | 'endNode') => system<string>(GraphQLID, description, (x) => `${end}(${x}).id`);
