import type { Context } from '../context';
import type { Row, Tx } from '../db/database';
import { dateParam } from '../common/args';
import { newId } from '../common/ids';
import { BadInputError, ForbiddenError, type InvalidField } from '../errors';
import { requirePermission, Role } from '../auth/roles';
import { eventFor, recordChanges } from '../changes/change.recorder';
import { defaultDirected } from '../bonds/bond.service';
import type { ActorRef, ActorSyncInput, BondSyncInput, RemoveSyncedResult, SyncResult } from './sync.type';
import { SyncStatus } from './sync.type';
import { isValidSource, validateActorItems, validateBondItems } from './sync.validation';

/** Checks that the caller may sync this source, and the batch size. */
function checkSyncAccess(ctx: Context, source: string, count: number, what: string): void {
  requirePermission(ctx.principal, 'sync', what);
  if (!isValidSource(source)) throw new BadInputError('`source` must be 1-64 lowercase letters, digits, _ . -', [{ field: 'source', message: 'invalid source' }]);
  if (ctx.principal.role === Role.PARTNER && ctx.principal.source !== source) {
    throw new ForbiddenError(`${what}: this PARTNER key may only sync source ${JSON.stringify(ctx.principal.source)}, not ${JSON.stringify(source)}`, [Role.EDITOR, Role.ADMIN]);
  }
  const max = ctx.config.MAX_SYNC_ITEMS;
  if (count > max) throw new BadInputError(`${what} takes at most ${max} items a call (MAX_SYNC_ITEMS); got ${count}: split the batch`, [{ field: what === 'syncActors' ? 'actors' : 'bonds', message: `more than ${max} items` }]);
}

function fail(what: string, invalid: InvalidField[]): never {
  const shown = invalid.slice(0, 10).map((f) => `${f.field}: ${f.message}`).join('; ');
  const more = invalid.length > 10 ? ` (and ${invalid.length - 10} more)` : '';
  throw new BadInputError(`${what} rejected, nothing was written: ${shown}${more}`, invalid);
}

function summarize(rows: Row[], externalIds: string[]): SyncResult {
  const items = rows.map((r) => ({ externalId: externalIds[r.i], id: r.id as string, status: r.status as SyncStatus }));
  return {
    created: items.filter((i) => i.status === SyncStatus.CREATED).length,
    updated: items.filter((i) => i.status === SyncStatus.UPDATED).length,
    unchanged: items.filter((i) => i.status === SyncStatus.UNCHANGED).length,
    items,
  };
}

const trimOrNull = (s: string | null | undefined): string | null => (s == null || s.trim() === '' ? null : s.trim());

/** `syncActors`: all-or-nothing upsert of up to MAX_SYNC_ITEMS actors of one source. */
export async function syncActors(ctx: Context, source: string, actors: ActorSyncInput[]): Promise<SyncResult> {
  checkSyncAccess(ctx, source, actors.length, 'syncActors');
  const invalid = validateActorItems(actors);
  if (invalid.length) fail('syncActors', invalid);
  if (actors.length === 0) return { created: 0, updated: 0, unchanged: 0, items: [] };
  const items = actors.map((a) => ({
    externalId: a.externalId,
    id: newId('Actor'),
    props: {
      name: a.name.trim(),
      kind: a.kind,
      sector: a.sector,
      description: trimOrNull(a.description),
      territory: trimOrNull(a.territory),
      tags: [...new Set(a.tags ?? [])],
      email: a.email ?? null,
      phone: a.phone ?? null,
    },
  }));
  return ctx.db.write(async (tx) => {
    const rows = await tx.run('sync/actors', { source, items });
    await recordChanges(
      tx,
      rows.filter((r) => r.status !== SyncStatus.UNCHANGED).map((r) => eventFor('Actor', r.status === SyncStatus.CREATED ? 'CREATE' : 'UPDATE', r.actor)),
    );
    return summarize(rows, actors.map((a) => a.externalId));
  });
}

const refKey = (r: ActorRef, source: string): string => (r.id != null ? `id:${r.id}` : `x:${r.source ?? source}:${r.externalId}`);

async function resolveRefs(tx: Tx, bonds: BondSyncInput[], source: string): Promise<Map<string, string | null>> {
  const refs = new Map<string, { key: string; id: string | null; source: string | null; externalId: string | null }>();
  for (const b of bonds) {
    for (const r of [b.from, b.to]) {
      const key = refKey(r, source);
      refs.set(key, { key, id: r.id ?? null, source: r.id != null ? null : (r.source ?? source), externalId: r.id != null ? null : (r.externalId ?? null) });
    }
  }
  const rows = await tx.run('sync/resolve-refs', { refs: [...refs.values()] });
  return new Map(rows.map((r) => [r.key as string, (r.id as string) ?? null]));
}

/** `syncBonds`: all-or-nothing upsert of up to MAX_SYNC_ITEMS bonds of one source. */
export async function syncBonds(ctx: Context, source: string, bonds: BondSyncInput[]): Promise<SyncResult> {
  checkSyncAccess(ctx, source, bonds.length, 'syncBonds');
  const invalid = validateBondItems(bonds);
  if (invalid.length) fail('syncBonds', invalid);
  if (bonds.length === 0) return { created: 0, updated: 0, unchanged: 0, items: [] };
  return ctx.db.write(async (tx) => {
    const resolved = await resolveRefs(tx, bonds, source);
    const problems: InvalidField[] = [];
    const ends = bonds.map((b, i) => {
      const from = resolved.get(refKey(b.from, source)) ?? null;
      const to = resolved.get(refKey(b.to, source)) ?? null;
      if (!from) problems.push({ field: `bonds.${i}.from`, message: `no actor ${b.from.id ?? `${b.from.source ?? source}/${b.from.externalId}`}` });
      if (!to) problems.push({ field: `bonds.${i}.to`, message: `no actor ${b.to.id ?? `${b.to.source ?? source}/${b.to.externalId}`}` });
      if (from && from === to) problems.push({ field: `bonds.${i}.to`, message: 'same actor as from' });
      return { from, to };
    });
    const existing = await tx.run('sync/existing-bonds', { source, externalIds: bonds.map((b) => b.externalId) });
    const was = new Map(existing.map((r) => [r.externalId as string, r]));
    bonds.forEach((b, i) => {
      const old = was.get(b.externalId);
      if (old && ends[i].from && ends[i].to && (old.from !== ends[i].from || old.to !== ends[i].to)) {
        problems.push({ field: `bonds.${i}.from`, message: `bond ${b.externalId} already links other actors; endpoints cannot change: remove it with removeSynced first` });
      }
    });
    if (problems.length) fail('syncBonds', problems);
    const items = bonds.map((b, i) => ({
      externalId: b.externalId,
      id: newId('Bond'),
      from: ends[i].from,
      to: ends[i].to,
      props: {
        kind: b.kind,
        directed: b.directed ?? defaultDirected(b.kind),
        weight: b.weight ?? null,
        since: dateParam(b.since),
        until: dateParam(b.until),
        description: trimOrNull(b.description),
      },
    }));
    const rows = await tx.run('sync/bonds', { source, items });
    await recordChanges(
      tx,
      rows.filter((r) => r.status !== SyncStatus.UNCHANGED).map((r) => eventFor('Bond', r.status === SyncStatus.CREATED ? 'CREATE' : 'UPDATE', r.bond)),
    );
    return summarize(rows, bonds.map((b) => b.externalId));
  });
}

/** `removeSynced`: deletes a source's actors (with their bonds) and bonds by external id, in one transaction. */
export async function removeSynced(ctx: Context, source: string, actorIds: string[], bondIds: string[]): Promise<RemoveSyncedResult> {
  checkSyncAccess(ctx, source, actorIds.length + bondIds.length, 'removeSynced');
  return ctx.db.write(async (tx) => {
    const bondRows = bondIds.length ? await tx.run('sync/remove-bonds', { source, externalIds: [...new Set(bondIds)] }) : [];
    const actorRows = actorIds.length ? await tx.run('sync/remove-actors', { source, externalIds: [...new Set(actorIds)] }) : [];
    const persons = actorRows.filter((r) => r.actor.kind === 'PERSON').map((r) => r.actor.id);
    if (persons.length) await tx.run('sync/redact-many', { ids: persons });
    const found = new Set([...bondRows.map((r) => `b:${r.xid}`), ...actorRows.map((r) => `a:${r.xid}`)]);
    const bondEvents = [...bondRows.map((r) => r.bond), ...actorRows.flatMap((r) => r.bonds)];
    const uniqueBonds = [...new Map(bondEvents.map((b) => [b.id, b])).values()];
    await recordChanges(tx, [
      ...uniqueBonds.map((b) => eventFor('Bond', 'DELETE', b)),
      ...actorRows.flatMap((r) => r.participations.map((p: Row) => eventFor('Participation', 'DELETE', { ...p, source: r.actor.source }))),
      ...actorRows.map((r) => eventFor('Actor', 'DELETE', r.actor)),
    ]);
    return {
      removedActors: actorRows.length,
      removedBonds: uniqueBonds.length,
      notFound: [...actorIds.filter((x) => !found.has(`a:${x}`)), ...bondIds.filter((x) => !found.has(`b:${x}`))],
    };
  });
}
