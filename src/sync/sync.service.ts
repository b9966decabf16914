import type { Context } from '../context';
import type { Row, Tx } from '../db/database';
import type { PlannedStatement } from '../db/warmup';
import { newId } from '../common/ids';
import { BadInputError, ConflictError, ForbiddenError, type InvalidField } from '../errors';
import { requirePermission, Role } from '../auth/roles';
import { eventFor, recordChanges, type ChangeEvent } from '../changes/change.recorder';
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

/** A sync's answer from its query rows (`i`: the item's place in the batch, `id`, `status`). */
export function summarize(rows: Row[], externalIds: string[], dryRun: boolean): SyncResult {
  const outcomes = rows.map((r) => ({ id: r.id as string, status: r.status as SyncStatus }));
  return resultOf(outcomes, rows.map((r) => externalIds[r.i as number]), dryRun);
}

function resultOf(outcomes: { id: string; status: SyncStatus }[], externalIds: string[], dryRun: boolean): SyncResult {
  const items = outcomes.map((o, i) => ({ externalId: externalIds[i], entityId: o.id, id: o.id, status: o.status }));
  const count = (status: SyncStatus) => items.reduce((n, x) => n + (x.status === status ? 1 : 0), 0);
  return { created: count(SyncStatus.CREATED), updated: count(SyncStatus.UPDATED), unchanged: count(SyncStatus.UNCHANGED), dryRun, items };
}

/** An item of `sync/actors` or `sync/bonds`: its place in the batch, its new id, key and admitted values. */
interface UpsertItem {
  i: number;
  id: string;
  externalId: string;
  props: Record<string, unknown>;
  from?: string | null;
  to?: string | null;
}

/** What `sync/<name>-find` read of a stored record: its id, whether it differs from its item. */
interface Found {
  id: string;
  changed: boolean;
}

/**
 * Writes a sync batch whose stored records were read first (`found`, by the item's place in the
 * batch; `sync/<name>-find`): the items not found go to `sync/<name>` (MERGE on the key: creates
 * them, and for one a concurrent call created meanwhile tells whether it differs), those that
 * differ to `sync/<name>-update`; the equal ones are never written. Then the change events, in
 * input order. A replay (every item found and equal) writes nothing and sends no further statement.
 * The payload of a created record is built from its admitted values (what the create stored), so
 * the creates never come back whole; an updated one comes back whole, as it is stored.
 */
async function upsert(tx: Tx, entity: 'Actor' | 'Bond', name: 'actors' | 'bonds', source: string, items: UpsertItem[], values: Record<string, unknown>[], found: ReadonlyMap<number, Found>): Promise<{ id: string; status: SyncStatus }[]> {
  const outcomes = new Array<{ id: string; status: SyncStatus }>(items.length);
  const events = new Array<ChangeEvent | undefined>(items.length);
  const changed: UpsertItem[] = [];
  const missing: UpsertItem[] = [];
  for (const item of items) {
    const f = found.get(item.i);
    if (!f) missing.push(item);
    else {
      outcomes[item.i] = { id: f.id, status: f.changed ? SyncStatus.UPDATED : SyncStatus.UNCHANGED };
      if (f.changed) changed.push({ ...item, id: f.id });
    }
  }
  if (missing.length) {
    const rows = await tx.run(`sync/${name}`, { source, items: missing });
    // A bond whose end was deleted since its refs were resolved has no row: nothing is kept.
    if (rows.length !== missing.length) throw new ConflictError(`sync${entity}s: ${missing.length - rows.length} item(s) lost an end while the batch was written (a concurrent delete); nothing was stored: send the batch again`);
    for (const r of rows) {
      const item = items[r.i as number];
      if (r.createdAt != null) {
        const at = new Date(r.createdAt as number);
        const record: Record<string, unknown> = { id: item.id, source, externalId: item.externalId, version: 1, createdAt: at, updatedAt: at };
        const v = values[item.i];
        for (const k in v) if (v[k] != null) record[k] = v[k];
        if (entity === 'Bond') Object.assign(record, { from: item.from, to: item.to });
        outcomes[item.i] = { id: item.id, status: SyncStatus.CREATED };
        events[item.i] = eventFor(entity, 'CREATE', record);
      } else {
        // Created by a concurrent call since the find.
        outcomes[item.i] = { id: r.id as string, status: r.changed ? SyncStatus.UPDATED : SyncStatus.UNCHANGED };
        if (r.changed) changed.push({ ...item, id: r.id as string });
      }
    }
  }
  if (changed.length) {
    const updated = await tx.run(`sync/${name}-update`, { items: changed });
    if (updated.length !== changed.length) throw new ConflictError(`sync${entity}s: ${changed.length - updated.length} record(s) were deleted while the batch was written; nothing was stored: send the batch again`);
    for (const r of updated) events[r.i as number] = eventFor(entity, 'UPDATE', entity === 'Actor' ? r.actor : r.bond);
  }
  await recordChanges(tx, events.filter((e): e is ChangeEvent => e !== undefined));
  return outcomes;
}

/** The rows of `sync/<name>-find` by the item's place in the batch. */
const foundOf = (rows: Row[]): Map<number, Found> => new Map(rows.map((r) => [r.i as number, { id: r.id as string, changed: r.changed === true }]));

/** `syncActors`: all-or-nothing upsert of up to MAX_SYNC_ITEMS actors of one source (or, with dryRun, what it would do). */
export async function syncActors(ctx: Context, source: string, actors: ActorSyncInput[], dryRun = false): Promise<SyncResult> {
  checkSyncAccess(ctx, source, actors.length, 'syncActors');
  const { values, problems } = admitBatch(ACTOR, actors, 'actors');
  if (problems.length) refuse('syncActors', problems);
  guardStructure(ACTOR, ctx.principal, values.map((record, i) => ({ record, path: `actors.${i}` })), ctx.config, 'syncActors');
  if (actors.length === 0) return { created: 0, updated: 0, unchanged: 0, dryRun, items: [] };
  const items = actors.map((a, i) => ({ i, externalId: a.externalId, id: newId('Actor'), props: toParams(ACTOR, values[i]) }));
  const externalIds = actors.map((a) => a.externalId);
  if (dryRun) return summarize(await ctx.db.read('sync/actors-plan', { source, items }), externalIds, true);
  return ctx.db.write(async (tx) => {
    const found = foundOf(await tx.run('sync/actors-find', { source, items }));
    return resultOf(await upsert(tx, 'Actor', 'actors', source, items, values, found), externalIds, false);
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
    if (found.length) refuse('syncBonds', found);
    return bonds.map((b, i) => ({ i, externalId: b.externalId, id: newId('Bond'), from: ends[i].from as string, to: ends[i].to as string, props: toParams(BOND, values[i]) }));
  };
  /** The stored bonds of the batch (read-only); refuses an item whose stored bond links other actors. */
  const find = async (tx: Pick<Tx, 'run'>, items: UpsertItem[]) => {
    const rows = await tx.run('sync/bonds-find', { source, items });
    const moved: InvalidField[] = [];
    for (const r of rows) {
      const item = items[r.i as number];
      if (r.from !== item.from || r.to !== item.to) moved.push({ field: `bonds.${item.i}.from`, message: `bond ${item.externalId} already links other actors; endpoints cannot change: remove it with removeSynced first` });
    }
    if (moved.length) refuse('syncBonds', moved.sort((a, b) => Number(a.field.split('.')[1]) - Number(b.field.split('.')[1])));
    return foundOf(rows);
  };
  const externalIds = bonds.map((b) => b.externalId);
  if (dryRun) {
    return ctx.db.readTx(async (tx) => {
      const items = await work(tx);
      await find(tx, items);
      return summarize(await tx.run('sync/bonds-plan', { source, items }), externalIds, true);
    });
  }
  return ctx.db.write(async (tx) => {
    const items = await work(tx);
    return resultOf(await upsert(tx, 'Bond', 'bonds', source, items, values, await find(tx, items)), externalIds, false);
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

const SAMPLE_ITEM = { i: 0, id: 'warmup', externalId: 'warmup', props: { name: 'warmup', tags: ['warmup'] }, from: 'warmup', to: 'warmup' };
const SAMPLE_EVENT: ChangeEvent = { entity: 'Actor', entityId: 'warmup', op: 'CREATE', source: 'warmup', externalId: 'warmup', version: 1, payload: '{}' };

/**
 * The sync's statements, planned when the server starts (src/db/warmup.ts), with parameters of their
 * shape; the `rehearsed` ones are run instead by the start-up rehearsal (src/sync/sync.warmup.ts),
 * which plans them, when there is one.
 */
export const SYNC_STATEMENTS: readonly PlannedStatement[] = [
  { name: 'sync/actors-find', params: { source: 'warmup', items: [SAMPLE_ITEM] }, rehearsed: true },
  { name: 'sync/actors', params: { source: 'warmup', items: [SAMPLE_ITEM] }, rehearsed: true },
  { name: 'sync/actors-update', params: { items: [SAMPLE_ITEM] }, rehearsed: true },
  { name: 'sync/resolve-refs', params: { refs: [{ key: 'warmup', id: null, source: 'warmup', externalId: 'warmup' }] }, rehearsed: true },
  { name: 'sync/bonds-find', params: { source: 'warmup', items: [SAMPLE_ITEM] }, rehearsed: true },
  { name: 'sync/bonds', params: { source: 'warmup', items: [SAMPLE_ITEM] }, rehearsed: true },
  { name: 'sync/bonds-update', params: { items: [SAMPLE_ITEM] }, rehearsed: true },
  { name: 'changes/append', params: { sequence: 'changes', events: [SAMPLE_EVENT] }, rehearsed: true },
  { name: 'sync/actors-plan', params: { source: 'warmup', items: [SAMPLE_ITEM] } },
  { name: 'sync/bonds-plan', params: { source: 'warmup', items: [SAMPLE_ITEM] } },
  { name: 'sync/remove-bonds', params: { source: 'warmup', externalIds: ['warmup'] } },
  { name: 'sync/remove-actors', params: { source: 'warmup', externalIds: ['warmup'] } },
  { name: 'sync/redact-many', params: { ids: ['warmup'] } },
];
