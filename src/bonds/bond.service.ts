import { int } from '../db/values';
import type { Context } from '../context';
import type { Row } from '../db/database';
import { dateParam, dateTimeParam, listParam } from '../common/args';
import { newId } from '../common/ids';
import { orderKeywords, planPage, toPage, type ConnectionResult, type PageArgs } from '../common/pagination';
import { BondDirection, BondKind } from '../common/enums';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { writableSource } from '../auth/roles';
import { eventFor, recordChanges } from '../changes/change.recorder';
import { Bond, type BondRecord } from './bond.type';
import { actorOrCardFromValues, isActorCard, servedByCard } from '../actors/actor.service';
import { fieldsAt } from '../common/lookahead';
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import type { ActorBondsArgs, BondsArgs, CreateBondInput, UpdateBondInput } from './bond.input';

/** Kinds that are symmetric unless said otherwise. */
const SYMMETRIC = new Set<BondKind>([BondKind.COLLABORATES_WITH, BondKind.CO_MANAGES]);
export const defaultDirected = (kind: BondKind): boolean => !SYMMETRIC.has(kind);

/**
 * A bond record. Built as an instance of the GraphQL `Bond` class: type-graphql then hands it to
 * field resolvers (`from`, `to`, `other`) as is, instead of copying it for every resolved field.
 */
const BondObject = function (this: BondRecord, id: string, kind: BondKind, fromId: string, toId: string, directed: boolean, weight: number | null, since: string | null, until: string | null, description: string | null, source: string, externalId: string | null, version: number, createdAt: Date, updatedAt: Date) {
  this.id = id;
  this.kind = kind;
  this.fromId = fromId;
  this.toId = toId;
  this.directed = directed;
  this.weight = weight;
  this.since = since;
  this.until = until;
  this.description = description;
  this.source = source;
  this.externalId = externalId;
  this.version = version;
  this.createdAt = createdAt;
  this.updatedAt = updatedAt;
} as unknown as new (...args: any[]) => BondRecord;
BondObject.prototype = Bond.prototype;

export function toBond(row: Record<string, any>): BondRecord {
  return new BondObject(
    row.id,
    row.kind,
    row.from,
    row.to,
    row.directed ?? defaultDirected(row.kind),
    row.weight ?? null,
    row.since ?? null,
    row.until ?? null,
    row.description ?? null,
    row.source,
    row.externalId ?? null,
    row.version,
    row.createdAt,
    row.updatedAt,
  );
}

const instant = (ms: number | null): Date => (ms == null ? (null as unknown as Date) : new Date(ms));

/**
 * A bond from the flat list of values the bond queries return: `[b.id, b.kind, from id, to id,
 * b.directed, b.weight, toString(b.since), toString(b.until), b.description, b.source,
 * b.externalId, b.version, b.createdAt.epochMillis, b.updatedAt.epochMillis]`.
 */
export function bondFromValues(v: any[]): BondRecord {
  return new BondObject(v[0], v[1], v[2], v[3], v[4] ?? defaultDirected(v[1]), v[5] ?? null, v[6] ?? null, v[7] ?? null, v[8] ?? null, v[9], v[10] ?? null, v[11], instant(v[12]), instant(v[13]));
}

export async function bondsByIds(ctx: Pick<Context, 'db'>, ids: readonly string[]): Promise<(BondRecord | null)[]> {
  const rows = await ctx.db.read('bonds/by-ids', { ids: [...new Set(ids)] });
  const byId = new Map(rows.map((r) => [r.bond.id as string, toBond(r.bond)]));
  return ids.map((id) => byId.get(id) ?? null);
}

export async function listBonds(ctx: Context, args: BondsArgs): Promise<ConnectionResult<BondRecord>> {
  const plan = planPage(args, ctx.config.MAX_PAGE_SIZE);
  const f = args.filter;
  const filter = {
    kinds: listParam(f?.kinds),
    source: f?.source ?? null,
    actor: f?.actor ?? null,
    validOn: dateParam(f?.validOn),
    updatedSince: dateTimeParam(f?.updatedSince),
  };
  const rows = await ctx.db.read('bonds/page', { ...filter, afterId: plan.cursor?.id ?? null, limit: int(plan.limit) }, orderKeywords('ASC', plan.backward));
  return toPage(
    rows,
    plan,
    (r: Row) => ({ k: null, id: r.bond.id }),
    async () => (await ctx.db.read('bonds/count', filter))[0]?.total ?? 0,
    (r: Row) => toBond(r.bond),
  );
}

/** Key of the per-request bonds-of-actor loader: the actor and the page arguments. */
export interface ActorBondsKey {
  actorId: string;
  args: ActorBondsArgs;
  /** Read the other ends as actor cards: the page selects only card fields of them. */
  card: boolean;
}

/** Whether a bond page below these field nodes shows only card fields of the bonds' ends. */
export const bondEndsAsCards = (nodes: readonly FieldNode[], info: Pick<GraphQLResolveInfo, 'fragments'>): boolean =>
  servedByCard(fieldsAt(nodes, info.fragments, [['edges', 'node', 'other'], ['edges', 'node', 'from'], ['edges', 'node', 'to']]));

/**
 * The loader key of an actor's bond page from the field's arguments: a fixed field order and nulls
 * for absent arguments, so that equal pages have equal keys (a prefetch from the look-ahead and the
 * field resolver meet in the loader's cache).
 */
export function actorBondsKey(actorId: string, a: Partial<ActorBondsArgs>, card = false): ActorBondsKey {
  return {
    actorId,
    args: { first: a.first ?? null, after: a.after ?? null, last: a.last ?? null, before: a.before ?? null, kinds: a.kinds ?? null, direction: a.direction ?? BondDirection.BOTH },
    card,
  };
}

/**
 * Loader body for `Actor.bonds`: one query for every actor of the batch that shares the same
 * arguments (a page of 50 actors asking for their first 20 bonds is one round trip).
 */
export async function bondsOfActors(ctx: Context, keys: readonly ActorBondsKey[]): Promise<ConnectionResult<BondRecord>[]> {
  const groups = new Map<string, ActorBondsKey[]>();
  for (const k of keys) {
    const g = JSON.stringify([k.args.first, k.args.after, k.args.last, k.args.before, k.args.kinds, k.args.direction, k.card]);
    groups.set(g, [...(groups.get(g) ?? []), k]);
  }
  const results = new Map<ActorBondsKey, ConnectionResult<BondRecord>>();
  await Promise.all(
    [...groups.values()].map(async (group) => {
      const { args, card } = group[0];
      const plan = planPage(args as PageArgs, ctx.config.MAX_PAGE_SIZE);
      const ids = [...new Set(group.map((k) => k.actorId))];
      const params = { ids, kinds: listParam(args.kinds), direction: args.direction ?? BondDirection.BOTH, afterId: plan.cursor?.id ?? null, limit: int(plan.limit) };
      const rows = await ctx.db.read('bonds/of-actors', params, { ...orderKeywords('ASC', plan.backward), ACTOR: card ? 'CARD' : 'FULL' });
      // One row per bond, in page order per actor; the other ends prime the actor loader (cards
      // ride on the bond instead: a card must never stand for a full record).
      const byActor = new Map<string, BondRecord[]>();
      for (const r of rows) {
        const bond = bondFromValues(r.bond);
        const list = byActor.get(r.aid);
        if (list) list.push(bond);
        else byActor.set(r.aid, [bond]);
        const other = actorOrCardFromValues(r.other);
        if (isActorCard(other)) bond.endCard = other;
        else ctx.loaders.actor.prime(other.id, other);
      }
      for (const k of group) {
        const bonds = byActor.get(k.actorId) ?? [];
        const total = () => ctx.loaders.bondCount.load({ actorId: k.actorId, kinds: args.kinds ?? null, direction: args.direction ?? BondDirection.BOTH });
        results.set(k, toPage(bonds, plan, (b) => ({ k: null, id: b.id }), total, (b) => b));
      }
    }),
  );
  return keys.map((k) => results.get(k)!);
}

export interface BondCountKey {
  actorId: string;
  kinds: BondKind[] | null;
  direction: BondDirection;
}

/** Loader body for bond counts, batched per (kinds, direction). */
export async function bondCounts(ctx: Pick<Context, 'db'>, keys: readonly BondCountKey[]): Promise<number[]> {
  const groups = new Map<string, BondCountKey[]>();
  for (const k of keys) {
    const g = JSON.stringify([k.kinds, k.direction]);
    groups.set(g, [...(groups.get(g) ?? []), k]);
  }
  const out = new Map<BondCountKey, number>();
  await Promise.all(
    [...groups.values()].map(async (group) => {
      const rows = await ctx.db.read('bonds/count-of-actors', { ids: [...new Set(group.map((k) => k.actorId))], kinds: listParam(group[0].kinds), direction: group[0].direction });
      const byActor = new Map(rows.map((r) => [r.aid as string, r.total as number]));
      for (const k of group) out.set(k, byActor.get(k.actorId) ?? 0);
    }),
  );
  return keys.map((k) => out.get(k)!);
}

function checkDates(since: Date | null | undefined, until: Date | null | undefined, prefix: string): void {
  if (since && until && until.getTime() < since.getTime()) {
    throw new BadInputError('`until` is before `since`', [{ field: `${prefix}.until`, message: 'before since' }]);
  }
}

export async function createBond(ctx: Context, input: CreateBondInput): Promise<BondRecord> {
  const required = writableSource(ctx.principal, input.source ?? null, 'createBond');
  if (input.from === input.to) throw new BadInputError('A bond needs two different actors', [{ field: 'input.to', message: 'same as from' }]);
  checkDates(input.since, input.until, 'input');
  const props = {
    id: newId('Bond'),
    kind: input.kind,
    directed: input.directed ?? defaultDirected(input.kind),
    weight: input.weight ?? null,
    since: dateParam(input.since),
    until: dateParam(input.until),
    description: input.description?.trim() ?? null,
    source: input.source ?? required ?? 'api',
    externalId: input.externalId ?? null,
  };
  return ctx.db.write(async (tx) => {
    const [row] = await tx.run('bonds/create', { from: input.from, to: input.to, props });
    if (!row) {
      const [{ found }] = await tx.run('bonds/endpoints', { ids: [input.from, input.to] });
      const missing = input.from && !found.includes(input.from) ? 'from' : 'to';
      throw new NotFoundError('Actor', missing === 'from' ? input.from : input.to);
    }
    const bond = toBond(row.bond);
    await recordChanges(tx, [eventFor('Bond', 'CREATE', { ...row.bond })]);
    return bond;
  });
}

export async function updateBond(ctx: Context, id: string, input: UpdateBondInput, expectedVersion: number | null | undefined): Promise<BondRecord> {
  const requiredSource = writableSource(ctx.principal, null, 'updateBond');
  const set: Record<string, unknown> = {};
  if (input.kind !== undefined) {
    if (input.kind === null) throw new BadInputError('`kind` cannot be null', [{ field: 'input.kind', message: 'required field' }]);
    set.kind = input.kind;
  }
  if (input.directed !== undefined) set.directed = input.directed ?? (input.kind ? defaultDirected(input.kind) : null);
  if (input.weight !== undefined) set.weight = input.weight;
  if (input.since !== undefined) set.since = dateParam(input.since);
  if (input.until !== undefined) set.until = dateParam(input.until);
  if (input.description !== undefined) set.description = input.description?.trim() ?? null;
  if (input.externalId !== undefined) set.externalId = input.externalId;
  checkDates(input.since, input.until, 'input');
  return ctx.db.write(async (tx) => {
    const [row] = await tx.run('bonds/update', { id, set, expectedVersion: expectedVersion ?? null, requiredSource });
    if (!row) throw new NotFoundError('Bond', id);
    if (!row.allowed) throw new ForbiddenError(`updateBond: bond ${id} belongs to another source; this PARTNER key may only change source ${JSON.stringify(requiredSource)}`, ['EDITOR', 'ADMIN']);
    if (!row.fresh) throw new ConflictError(`Bond ${id} is at version ${row.current}, not ${expectedVersion}: reload it and apply your change again`, { currentVersion: row.current });
    const bond = toBond(row.bond);
    if (bond.since && bond.until && bond.until < bond.since) throw new BadInputError('`until` is before `since`', [{ field: 'input.until', message: 'before since' }]);
    if (row.changed.length > 0) await recordChanges(tx, [eventFor('Bond', 'UPDATE', row.bond)]);
    return bond;
  });
}

export async function deleteBond(ctx: Context, id: string): Promise<{ id: string }> {
  const requiredSource = writableSource(ctx.principal, null, 'deleteBond');
  return ctx.db.write(async (tx) => {
    const [row] = await tx.run('bonds/delete', { id, requiredSource });
    if (!row) {
      const [owner] = await tx.run('bonds/source-of', { id });
      if (!owner) throw new NotFoundError('Bond', id);
      throw new ForbiddenError(`deleteBond: bond ${id} belongs to another source; this PARTNER key may only delete source ${JSON.stringify(requiredSource)}`, ['EDITOR', 'ADMIN']);
    }
    await recordChanges(tx, [eventFor('Bond', 'DELETE', row.bond)]);
    return { id };
  });
}
