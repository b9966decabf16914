import { stringify } from 'csv-stringify/sync';
import type { Executor } from '../db/database';

export interface ExportOptions {
  source: string | null;
  /** Include email and phone (personal data): only for trusted operators. */
  personalData: boolean;
}

/** Actors and bonds in the import format, so that an export can be imported elsewhere. */
export async function exportRecords(db: Executor, opts: ExportOptions) {
  const [actorRows, bondRows] = await db.readTx(async (tx) => [await tx.run('export/actors', { source: opts.source }), await tx.run('export/bonds', { source: opts.source })] as const);
  const actors = actorRows.map(({ actor: a }) => ({
    externalId: a.externalId ?? a.id,
    id: a.id,
    source: a.source,
    name: a.name,
    kind: a.kind,
    sector: a.sector,
    description: a.description ?? null,
    territory: a.territory ?? null,
    tags: a.tags ?? [],
    ...(opts.personalData ? { email: a.email ?? null, phone: a.phone ?? null } : {}),
  }));
  const ref = (end: any) => (end.externalId ? { source: end.source, externalId: end.externalId } : { id: end.id });
  const bonds = bondRows.map(({ bond: b, from, to }) => ({
    externalId: b.externalId ?? b.id,
    id: b.id,
    source: b.source,
    kind: b.kind,
    from: ref(from),
    to: ref(to),
    weight: b.weight ?? null,
    since: b.since ?? null,
    until: b.until ?? null,
    description: b.description ?? null,
  }));
  return { actors, bonds };
}

export function actorsCsv(actors: Awaited<ReturnType<typeof exportRecords>>['actors']): string {
  return stringify(actors.map((a) => ({ ...a, tags: a.tags.join(';') })), { header: true });
}

export function bondsCsv(bonds: Awaited<ReturnType<typeof exportRecords>>['bonds']): string {
  const end = (r: any) => (r.id ? r.id : `${r.source}/${r.externalId}`);
  return stringify(bonds.map((b) => ({ ...b, from: end(b.from), to: end(b.to) })), { header: true });
}
