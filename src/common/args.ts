import neo4j from 'neo4j-driver';

/** Turns an optional list argument into a Cypher parameter: empty or absent means "no condition". */
export const listParam = <T>(v: T[] | null | undefined): T[] | null => (v && v.length ? v : null);

/** A JS Date as a Neo4j DateTime parameter (comparable with stored `datetime()` values). */
export const dateTimeParam = (d: Date | null | undefined) => (d ? neo4j.types.DateTime.fromStandardDate(d) : null);

/** A `YYYY-MM-DD` string as a Neo4j Date parameter. */
export const dateParam = (d: string | Date | null | undefined) => {
  if (d == null) return null;
  const s = typeof d === 'string' ? d : d.toISOString().slice(0, 10);
  const [y, m, day] = s.split('-').map(Number);
  return new neo4j.types.Date(y, m, day);
};
