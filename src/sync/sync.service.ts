import type { Context } from '../context';
import type { Row, Tx } from '../db/database';
import { newId } from '../common/ids';
import { BadInputError, ForbiddenError, type InvalidField } from '../errors';
import { requirePermission, Role } from '../auth/roles';
import { eventFor, recordChanges } from '../changes/change.recorder';
import { admitBatch, guardStructure, refuse, toParams } from '../model/entity';
import { isValidSource, SOURCE_RULE } from '../model/field';
import { ACTOR } from '../actors/actor.model';
import { BOND } from '../bonds/bond.model';
import type { ActorRef, ActorSyncInput, BondSyncInput, RemoveSyncedResult, SyncResult } from './sync.type';
import { SyncStatus } from './sync.type';

/** Checks that the caller may sync this source, and the batch size (`field`: the batch argument). */
export function checkSyncAccess(ctx: Context, source: string, count: number, what: string, field = what === 'syncActors' ? 'actors' : 'bonds'): void {
  requirePermission(ctx.principal, 'sync', what);
  if (!isValidSource(source)) throw new BadInputError(`\`source\` must be ${SOURCE_RULE} (got ${JSON.stringify(source)})`, [{ field: 'source', message: 'invalid source' }]);
  if (ctx.principal.role === Role.PARTNER && ctx.principal.source !== source) {
    throw new ForbiddenError(`${what}: this PARTNER key may only sync source ${JSON.stringify(ctx.principal.source)}, not ${JSON.stringify(source)}`, [Role.EDITOR, Role.ADMIN]);
  }
  const max = ctx.config.MAX_SYNC_ITEMS;
  if (count > max) throw new BadInputError(`${what} takes at most ${max} items a call (MAX_SYNC_ITEMS); got ${count}: split the batch`, [{ field, message: `more than ${max} items` }]);
}

/** A sync's answer from its query rows (`i`, `id`, `status`). */
export function summarize(rows: Row[], externalIds: string[], dryRun: boolean): SyncResult {
  const items = rows.map((r) => ({ externalId: externalIds[r.i], entityId: r.id as string, id: r.id as string, status: r.status as SyncStatus }));
  return {
    created: items.filter((i) => i.status === SyncStatus.CREATED).length,
    updated: items.filter((i) => i.status === SyncStatus.UPDATED).length,
    unchanged: items.filter((i) => i.status === SyncStatus.UNCHANGED).length,
    dryRun,
    items,
  };
}

/** `syncActors`: all-or-nothing upsert of up to MAX_SYNC_ITEMS actors of one source (or, with dryRun, what it would do). */
export async function syncActors(ctx: Context, source: string, actors: ActorSyncInput[], dryRun = false): Promise<SyncResult> {
  checkSyncAccess(ctx, source, actors.length, 'syncActors');
  const { values, problems } = admitBatch(ACTOR, actors, 'actors');
  if (problems.length) refuse('syncActors', problems);
  guardStructure(ACTOR, ctx.principal, values.map((record, i) => ({ record, path: `actors.${i}` })), ctx.config, 'syncActors');
  if (actors.length === 0) return { created: 0, updated: 0, unchanged: 0, dryRun, items: [] };
  const items = actors.map((a, i) => ({ externalId: a.externalId, id: newId('Actor'), props: toParams(ACTOR, values[i]) }));
  const externalIds = actors.map((a) => a.externalId);
  if (dryRun) return summarize(await ctx.db.read('sync/actors-plan', { source, items }), externalIds, true);
  return ctx.db.write(async (tx) => {
    const rows = await tx.run('sync/actors', { source, items });
    await recordChanges(
      tx,
      rows.filter((r) => r.status !== SyncStatus.UNCHANGED).map((r) => eventFor('Actor', r.status === SyncStatus.CREATED ? 'CREATE' : 'UPDATE', r.actor)),
    );
    return summarize(rows, externalIds, false);
  });
}

export const refKey = (r: ActorRef, source: string): string => (r.id != null ? `id:${r.id}` : `x:${r.source ?? source}:${r.externalId}`);

async function resolveRefs(tx: Pick<Tx, 'run'>, bonds: BondSyncInput[], source: string): Promise<Map<string, { id: string; source: string } | null>> {
  const refs = new Map<string, { key: string; id: string | null; source: string | null; externalId: string | null }>();
  for (const b of bonds) {
    for (const r of [b.from, b.to]) {
      const key = refKey(r, source);
      refs.set(key, { key, id: r.id ?? null, source: r.id != null ? null : (r.source ?? source), externalId: r.id != null ? null : (r.externalId ?? null) });
    }
  }
  const rows = await tx.run('sync/resolve-refs', { refs: [...refs.values()] });
  return new Map(rows.map((r) => [r.key as string, r.id == null ? null : { id: r.id as string, source: r.source as string }]));
}

/** Problems of a bond's ends that can be seen without the database. */
function refProblems(b: BondSyncInput, p: string): InvalidField[] {
  const out: InvalidField[] = [];
  for (const end of ['from', 'to'] as const) out.push(...actorRefProblems(b[end], `${p}.${end}`));
  return out;
}

/** Problems of one actor reference that can be seen without the database. */
export function actorRefProblems(r: ActorRef | null | undefined, path: string): InvalidField[] {
  if (!r || (r.id == null) === (r.externalId == null)) return [{ field: path, message: 'give exactly one of id or externalId' }];
  if (r.source != null && r.id != null) return [{ field: `${path}.source`, message: 'source goes with externalId, not id' }];
  if (r.source != null && !isValidSource(r.source)) return [{ field: `${path}.source`, message: `must be ${SOURCE_RULE}` }];
  return [];
}

/** `syncBonds`: all-or-nothing upsert of up to MAX_SYNC_ITEMS bonds of one source (or, with dryRun, what it would do). */
export async function syncBonds(ctx: Context, source: string, bonds: BondSyncInput[], dryRun = false): Promise<SyncResult> {
  checkSyncAccess(ctx, source, bonds.length, 'syncBonds');
  const { values, problems } = admitBatch(BOND, bonds, 'bonds');
  bonds.forEach((b, i) => problems.push(...refProblems(b, `bonds.${i}`)));
  if (problems.length) refuse('syncBonds', problems);
  if (bonds.length === 0) return { created: 0, updated: 0, unchanged: 0, dryRun, items: [] };
  const work = async (tx: Pick<Tx, 'run'>) => {
    const resolved = await resolveRefs(tx, bonds, source);
    const found: InvalidField[] = [];
    const ends = bonds.map((b, i) => {
      const fromEnd = resolved.get(refKey(b.from, source)) ?? null;
      const toEnd = resolved.get(refKey(b.to, source)) ?? null;
      const from = fromEnd?.id ?? null;
      const to = toEnd?.id ?? null;
      if (!from) found.push({ field: `bonds.${i}.from`, message: `no actor ${b.from.id ?? `${b.from.source ?? source}/${b.from.externalId}`}` });
      if (!to) found.push({ field: `bonds.${i}.to`, message: `no actor ${b.to.id ?? `${b.to.source ?? source}/${b.to.externalId}`}` });
      if (from && from === to) found.push({ field: `bonds.${i}.to`, message: 'same actor as from' });
      return { from, to, fromSource: fromEnd?.source ?? null, toSource: toEnd?.source ?? null };
    });
    guardStructure(BOND, ctx.principal, ends.map((e, i) => ({ record: { fromSource: e.fromSource, toSource: e.toSource }, path: `bonds.${i}` })), ctx.config, 'syncBonds');
    const existing = await tx.run('sync/existing-bonds', { source, externalIds: bonds.map((b) => b.externalId) });
    const was = new Map(existing.map((r) => [r.externalId as string, r]));
    bonds.forEach((b, i) => {
      const old = was.get(b.externalId);
      if (old && ends[i].from && ends[i].to && (old.from !== ends[i].from || old.to !== ends[i].to)) {
        found.push({ field: `bonds.${i}.from`, message: `bond ${b.externalId} already links other actors; endpoints cannot change: remove it with removeSynced first` });
      }
    });
    if (found.length) refuse('syncBonds', found);
    return bonds.map((b, i) => ({ externalId: b.externalId, id: newId('Bond'), from: ends[i].from, to: ends[i].to, props: toParams(BOND, values[i]) }));
  };
  const externalIds = bonds.map((b) => b.externalId);
  if (dryRun) {
    return ctx.db.readTx(async (tx) => summarize(await tx.run('sync/bonds-plan', { source, items: await work(tx) }), externalIds, true));
  }
  return ctx.db.write(async (tx) => {
    const items = await work(tx);
    const rows = await tx.run('sync/bonds', { source, items });
    await recordChanges(
      tx,
      rows.filter((r) => r.status !== SyncStatus.UNCHANGED).map((r) => eventFor('Bond', r.status === SyncStatus.CREATED ? 'CREATE' : 'UPDATE', r.bond)),
    );
    return summarize(rows, externalIds, false);
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
