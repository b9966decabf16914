import neo4j, { type Integer } from 'neo4j-driver';

/**
 * Converts what the driver returns into plain JavaScript: Integers to numbers, temporal values to
 * ISO strings (Date) or JS Dates (DateTime), maps and lists recursively.
 */
export function plain(value: unknown): any {
  const t = typeof value;
  if (t === 'string' || t === 'number' || t === 'boolean') return value; // most values: no checks
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return (value as Integer).toNumber();
  if (neo4j.isDate(value)) return value.toString();
  if (neo4j.isDateTime(value)) return new Date(value.toString());
  if (neo4j.isLocalDateTime(value)) return new Date(value.toString() + 'Z');
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown> & { properties?: Record<string, unknown>; labels?: unknown; type?: unknown };
    if (v.properties && (v.labels || v.type)) return plain(v.properties);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = plain(x);
    return out;
  }
  return value;
}

/** Integer parameter (the driver would otherwise send JS numbers as floats, which LIMIT rejects). */
export const int = (n: number): Integer => neo4j.int(n);
