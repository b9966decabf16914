import type { Executor } from '../db/database';
import { ACTOR } from '../actors/actor.model';
import { BOND } from '../bonds/bond.model';
import { namesWith, type Entity } from '../model/entity';
import { writeCsv, type CsvColumn, type Dialect } from './csv';
import { exportLabelsFr, labelsOfCodes } from './labels-fr';

export interface ExportOptions {
  source: string | null;
  /** Include personal data (email, phone): only for keys entitled to it. */
  personalData: boolean;
}

/** The columns an export writes for an entity, from its table: key, id, source, then its exported fields. */
export function exportColumns(e: Entity, personalData: boolean, ends: readonly string[] = []): string[] {
  const data = e.names.filter((n) => !['externalId', 'source'].includes(n) && !e.fields[n].flags.system && (e.fields[n].flags.exported || (personalData && e.fields[n].flags.personal)));
  return ['externalId', 'id', 'source', ...ends, ...data];
}

const pick = (record: Record<string, unknown>, columns: readonly string[]) => Object.fromEntries(columns.map((c) => [c, record[c] ?? null]));

/** Actors and bonds in the import format, so that an export can be imported elsewhere. */
export async function exportRecords(db: Pick<Executor, 'readTx'>, opts: ExportOptions) {
  const [actorRows, bondRows] = await db.readTx(async (tx) => [await tx.run('export/actors', { source: opts.source }), await tx.run('export/bonds', { source: opts.source })] as const);
  const actorColumns = exportColumns(ACTOR, opts.personalData);
  const actors = actorRows.map(({ actor: a }) => ({ ...pick({ ...a, externalId: a.externalId ?? a.id, tags: a.tags ?? [] }, actorColumns) }));
  const ref = (end: any) => (end.externalId ? { source: end.source, externalId: end.externalId } : { id: end.id });
  const bondColumns = exportColumns(BOND, opts.personalData, ['from', 'to']);
  const bonds = bondRows.map(({ bond: b, from, to }) => pick({ ...b, externalId: b.externalId ?? b.id, from: ref(from), to: ref(to) }, bondColumns));
  return { actors, bonds, actorColumns, bondColumns };
}

/** CSV columns of an export: French headers and enum labels come from the table (for excel-fr). */
export function csvColumns(e: Entity, names: readonly string[]): CsvColumn[] {
  return names.map((name) => {
    const f = e.fields[name];
    const type = !f ? 'string' : f.kind === 'enum' ? 'enum' : f.kind === 'list' ? 'list' : f.kind === 'number' ? 'number' : f.kind === 'day' ? 'date' : f.kind === 'boolean' ? 'boolean' : 'string';
    return { name, headerFr: f?.csv.headerFr || (name === 'from' ? 'de' : name === 'to' ? 'vers' : name), type, ...(f?.values ? { enumLabelsFr: { ...Object.fromEntries(f.values.map((v) => [v, v])), ...exportLabelsFr(labelsOfCodes(f.values)) } } : {}) };
  });
}

export function actorsCsv(data: Awaited<ReturnType<typeof exportRecords>>, dialect: Dialect = 'rfc4180'): string {
  return writeCsv(data.actors, csvColumns(ACTOR, data.actorColumns), dialect);
}

export function bondsCsv(data: Awaited<ReturnType<typeof exportRecords>>, dialect: Dialect = 'rfc4180'): string {
  const end = (r: any) => (r.id ? r.id : `${r.source}/${r.externalId}`);
  return writeCsv(data.bonds.map((b) => ({ ...b, from: end(b.from), to: end(b.to) })), csvColumns(BOND, data.bondColumns), dialect);
}
