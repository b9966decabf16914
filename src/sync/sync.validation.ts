import type { InvalidField } from '../errors';
import type { ActorSyncInput, BondSyncInput } from './sync.type';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 .()-]{4,30}$/;
const TAG = /^[\p{L}\p{N}][\p{L}\p{N}_:.\-/ ]{0,63}$/u;
const SOURCE = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

export const isValidSource = (s: string): boolean => SOURCE.test(s);

function checkKey(externalId: string, path: string, seen: Map<string, number>, i: number, out: InvalidField[]): void {
  if (!externalId || externalId.length > 200 || /[\u0000-\u001f]/.test(externalId)) {
    out.push({ field: `${path}.externalId`, message: 'must be 1-200 characters, no control characters' });
  } else if (seen.has(externalId)) {
    out.push({ field: `${path}.externalId`, message: `duplicate of item ${seen.get(externalId)} in this batch` });
  } else seen.set(externalId, i);
}

/** Every problem of an actor batch, each with its item path (`actors.3.name`). */
export function validateActorItems(items: ActorSyncInput[]): InvalidField[] {
  const out: InvalidField[] = [];
  const seen = new Map<string, number>();
  items.forEach((a, i) => {
    const p = `actors.${i}`;
    checkKey(a.externalId, p, seen, i, out);
    if (!a.name?.trim() || a.name.length > 300) out.push({ field: `${p}.name`, message: 'must be 1-300 characters' });
    else if (/[\u0000-\u001f\u007f]/.test(a.name)) out.push({ field: `${p}.name`, message: 'must not contain control characters' });
    if (a.description != null && a.description.length > 5000) out.push({ field: `${p}.description`, message: 'at most 5000 characters' });
    if (a.territory != null && a.territory.length > 200) out.push({ field: `${p}.territory`, message: 'at most 200 characters' });
    if (a.tags && (a.tags.length > 50 || a.tags.some((t) => !TAG.test(t)))) out.push({ field: `${p}.tags`, message: 'at most 50 tags of 1-64 letters, digits or _:.-/ and spaces' });
    if (a.email != null && (!EMAIL.test(a.email) || a.email.length > 254)) out.push({ field: `${p}.email`, message: 'must be an email address' });
    if (a.phone != null && !PHONE.test(a.phone)) out.push({ field: `${p}.phone`, message: 'must be digits, spaces and + . ( ) -' });
    if ((a.email != null || a.phone != null) && a.kind !== 'PERSON') out.push({ field: `${p}.kind`, message: 'only a PERSON may carry email or phone' });
  });
  return out;
}

/** Every problem of a bond batch that can be seen without the database. */
export function validateBondItems(items: BondSyncInput[]): InvalidField[] {
  const out: InvalidField[] = [];
  const seen = new Map<string, number>();
  items.forEach((b, i) => {
    const p = `bonds.${i}`;
    checkKey(b.externalId, p, seen, i, out);
    for (const end of ['from', 'to'] as const) {
      const r = b[end];
      if (!r || (r.id == null) === (r.externalId == null)) out.push({ field: `${p}.${end}`, message: 'give exactly one of id or externalId' });
      else if (r.source != null && r.id != null) out.push({ field: `${p}.${end}.source`, message: 'source goes with externalId, not id' });
    }
    if (b.weight != null && (!Number.isFinite(b.weight) || b.weight < 0)) out.push({ field: `${p}.weight`, message: 'must be a finite number ≥ 0' });
    if (b.since && b.until && b.until < b.since) out.push({ field: `${p}.until`, message: 'is before since' });
    if (b.description != null && b.description.length > 5000) out.push({ field: `${p}.description`, message: 'at most 5000 characters' });
  });
  return out;
}
