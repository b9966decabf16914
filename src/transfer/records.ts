import { parse } from 'csv-parse/sync';
import type { ActorSyncInput, BondSyncInput } from '../sync/sync.type';
import { BadInputError } from '../errors';

/** What an import file holds: actors and/or bonds in the shape of the sync mutations. */
export interface TransferFile {
  actors: ActorSyncInput[];
  bonds: BondSyncInput[];
}

const emptyToNull = (v: unknown): string | null => (v == null || String(v).trim() === '' ? null : String(v).trim());
const splitTags = (v: unknown): string[] => (emptyToNull(v) ?? '').split(/[;|]/).map((s) => s.trim()).filter(Boolean);

/** `"source/externalId"`, `"act_…"` (an API id) or a plain externalId of the import's own source. */
function toRef(v: unknown): { id?: string; externalId?: string; source?: string } {
  const s = emptyToNull(v) ?? '';
  if (/^act_[0-9a-z]+$/.test(s)) return { id: s };
  const slash = s.indexOf('/');
  return slash > 0 ? { source: s.slice(0, slash), externalId: s.slice(slash + 1) } : { externalId: s };
}

function actorFromRow(r: Record<string, unknown>): ActorSyncInput {
  return {
    externalId: String(r.externalId ?? '').trim(),
    name: String(r.name ?? '').trim(),
    kind: String(r.kind ?? '').trim().toUpperCase() as any,
    sector: String(r.sector ?? '').trim().toUpperCase() as any,
    description: emptyToNull(r.description),
    territory: emptyToNull(r.territory),
    tags: Array.isArray(r.tags) ? (r.tags as string[]) : splitTags(r.tags),
    email: emptyToNull(r.email),
    phone: emptyToNull(r.phone),
  };
}

function bondFromRow(r: Record<string, unknown>): BondSyncInput {
  const ref = (v: unknown) => (v && typeof v === 'object' ? (v as any) : toRef(v));
  const date = (v: unknown) => (emptyToNull(v) ? new Date(`${emptyToNull(v)}T00:00:00Z`) : null);
  const weight = emptyToNull(r.weight);
  return {
    externalId: String(r.externalId ?? '').trim(),
    kind: String(r.kind ?? '').trim().toUpperCase() as any,
    from: ref(r.from),
    to: ref(r.to),
    weight: weight == null ? null : Number(weight),
    since: date(r.since),
    until: date(r.until),
    description: emptyToNull(r.description),
  };
}

const KINDS = new Set(['ORGANIZATION', 'PERSON', 'DEPARTMENT', 'GOVERNANCE_BODY', 'COLLECTIVE']);
const SECTORS = new Set(['ECONOMIC', 'POLITICAL', 'CIVIL_SOCIETY', 'RESEARCH', 'PUBLIC_ADMINISTRATION', 'CITIZENS']);
const BOND_KINDS = new Set(['COLLABORATES_WITH', 'FUNDS', 'SUPPLIES', 'ADVISES', 'MEMBER_OF', 'REPRESENTS', 'CO_MANAGES', 'CONTRACTS_WITH', 'INFORMS']);

/** Enum checks the GraphQL layer would do, for files that do not go through GraphQL. */
function checkEnums(file: TransferFile): void {
  const bad: { field: string; message: string }[] = [];
  file.actors.forEach((a, i) => {
    if (!KINDS.has(a.kind)) bad.push({ field: `actors.${i}.kind`, message: `unknown kind ${JSON.stringify(a.kind)}` });
    if (!SECTORS.has(a.sector)) bad.push({ field: `actors.${i}.sector`, message: `unknown sector ${JSON.stringify(a.sector)}` });
  });
  file.bonds.forEach((b, i) => {
    if (!BOND_KINDS.has(b.kind)) bad.push({ field: `bonds.${i}.kind`, message: `unknown kind ${JSON.stringify(b.kind)}` });
    if (b.weight != null && Number.isNaN(b.weight)) bad.push({ field: `bonds.${i}.weight`, message: 'not a number' });
    for (const k of ['since', 'until'] as const) if (b[k] && Number.isNaN(b[k]!.getTime())) bad.push({ field: `bonds.${i}.${k}`, message: 'not a YYYY-MM-DD date' });
  });
  if (bad.length) throw new BadInputError(`The file has invalid rows: ${bad.slice(0, 10).map((b) => `${b.field}: ${b.message}`).join('; ')}`, bad);
}

/**
 * Reads an import file. JSON: an array of actors, or `{ actors, bonds }`. CSV: one row per actor
 * (columns externalId,name,kind,sector,description,territory,tags,email,phone; tags split on ; or |),
 * or per bond when it has `from` and `to` columns (externalId,kind,from,to,weight,since,until,description;
 * an end is `externalId` of the same source, `source/externalId`, or an API id `act_…`).
 */
export function parseTransferFile(name: string, text: string): TransferFile {
  let file: TransferFile;
  if (/\.json$/i.test(name) || /^\s*[[{]/.test(text)) {
    let data: any;
    try {
      data = JSON.parse(text);
    } catch (err) {
      throw new BadInputError(`${name} is not valid JSON: ${(err as Error).message}`);
    }
    const actors = Array.isArray(data) ? data : (data.actors ?? []);
    const bonds = Array.isArray(data) ? [] : (data.bonds ?? []);
    file = { actors: actors.map(actorFromRow), bonds: bonds.map(bondFromRow) };
  } else {
    const rows: Record<string, string>[] = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
    const isBonds = rows.length > 0 && 'from' in rows[0] && 'to' in rows[0];
    file = isBonds ? { actors: [], bonds: rows.map(bondFromRow) } : { actors: rows.map(actorFromRow), bonds: [] };
  }
  checkEnums(file);
  return file;
}
