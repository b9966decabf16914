import { int } from '../db/values';
import type { Context } from '../context';
import type { Row } from '../db/database';
import { dateParam, listParam } from '../common/args';
import { newId } from '../common/ids';
import { orderKeywords, planPage, toPage, type ConnectionResult, type PageArgs } from '../common/pagination';
import { actorOrCardFromValues, isActorCard, servedByCard } from '../actors/actor.service';
import { fieldsAt } from '../common/lookahead';
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import { toCommon, toOperation, toParticipation } from '../common/records';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { writableSource } from '../auth/roles';
import type { OperationParticipationsArgs } from './participation.input';
import { eventFor, recordChanges } from '../changes/change.recorder';
import type { ParticipationRole } from '../common/enums';
import { Participation, type ParticipationRecord } from './participation.type';

/**
 * A participation record. Built as an instance of the GraphQL `Participation` class: type-graphql
 * then hands it to field resolvers (`actor`, `operation`) as is, instead of copying it each time.
 */
const ParticipationObject = function (this: ParticipationRecord, id: string, role: ParticipationRole, since: string | null, until: string | null, actorId: string, operationId: string, version: number, createdAt: Date, updatedAt: Date) {
  this.id = id;
  this.role = role;
  this.since = since;
  this.until = until;
  this.actorId = actorId;
  this.operationId = operationId;
  this.version = version;
  this.createdAt = createdAt;
  this.updatedAt = updatedAt;
} as unknown as new (...args: any[]) => ParticipationRecord;
ParticipationObject.prototype = Participation.prototype;

const instant = (ms: number | null): Date => (ms == null ? (null as unknown as Date) : new Date(ms));

/**
 * A participation from the flat values the participation queries return: `[p.id, p.role,
 * toString(p.since), toString(p.until), p.version, p.createdAt.epochMillis, p.updatedAt.epochMillis]`
 * (the same fields as `toParticipation` reads from a map).
 */
function participationFromValues(v: any[], actorId: string, operationId: string): ParticipationRecord {
  return new ParticipationObject(v[0], v[1], v[2] ?? null, v[3] ?? null, actorId, operationId, v[4] ?? 1, instant(v[5]), instant(v[6]));
}

/**
 * Loader body for `Actor.participations` (and `Actor.operations`): every participation of each
 * actor, by operation code then role. The operations and their commons come in the same rows and
 * prime the operation and commons-of-operation loaders.
 */
export async function participationsOfActors(ctx: Context, ids: readonly string[]): Promise<ParticipationRecord[][]> {
  const rows = await ctx.db.read('participations/of-actors', { ids: [...new Set(ids)] });
  const byActor = new Map<string, ParticipationRecord[]>();
  for (const r of rows) {
    const p = participationFromValues(r.participation, r.aid, r.participation[7]);
    const list = byActor.get(r.aid);
    if (list) list.push(p);
    else byActor.set(r.aid, [p]);
    ctx.loaders.operation.prime(p.operationId, toOperation(r.operation));
    const commons = (r.commons as Row[]).map(toCommon).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    ctx.loaders.commonsOfOperation.prime(p.operationId, commons);
  }
  return ids.map((id) => byActor.get(id) ?? []);
}

export interface OperationParticipationsKey {
  operationId: string;
  roles: ParticipationRole[] | null;
  asOf: Date | null;
  page: PageArgs;
  /** Read the participants as actor cards: the page selects only card fields of them. */
  card: boolean;
}

/** Whether a participation page below these field nodes shows only card fields of the participants. */
export const participantsAsCards = (nodes: readonly FieldNode[], info: Pick<GraphQLResolveInfo, 'fragments'>): boolean =>
  servedByCard(fieldsAt(nodes, info.fragments, [['edges', 'node', 'actor']]));

/**
 * The loader key of an operation's participation page from the field's arguments: a fixed field
 * order and nulls for absent arguments, so that equal pages have equal keys (a prefetch from the
 * look-ahead and the field resolver meet in the loader's cache).
 */
export function operationParticipationsKey(operationId: string, a: Partial<OperationParticipationsArgs>, card = false): OperationParticipationsKey {
  return {
    operationId,
    roles: a.roles?.length ? a.roles : null,
    asOf: a.asOf ?? null,
    page: { first: a.first ?? null, after: a.after ?? null, last: a.last ?? null, before: a.before ?? null },
    card,
  };
}

/**
 * Loader body for `Operation.participations`: one query per distinct argument set, for every
 * operation of the batch. The participants' actor rows come with it and prime the actor loader.
 */
export async function participationsOfOperations(ctx: Context, keys: readonly OperationParticipationsKey[]): Promise<ConnectionResult<ParticipationRecord>[]> {
  const groups = new Map<string, OperationParticipationsKey[]>();
  for (const k of keys) {
    const g = JSON.stringify([k.roles, k.asOf, k.page, k.card]);
    groups.set(g, [...(groups.get(g) ?? []), k]);
  }
  const out = new Map<OperationParticipationsKey, ConnectionResult<ParticipationRecord>>();
  await Promise.all(
    [...groups.values()].map(async (group) => {
      const { roles, asOf, page, card } = group[0];
      const plan = planPage(page, ctx.config.MAX_PAGE_SIZE);
      const params = { ids: [...new Set(group.map((k) => k.operationId))], roles: listParam(roles), asOf: dateParam(asOf), afterId: plan.cursor?.id ?? null, limit: int(plan.limit) };
      const rows = await ctx.db.read('participations/of-operations', params, { ...orderKeywords('ASC', plan.backward), ACTOR: card ? 'CARD' : 'FULL' });
      // One row per participation, in page order per operation; full participants prime the actor
      // loader, cards ride on the participation (a card must never stand for a full record).
      const byOp = new Map<string, ParticipationRecord[]>();
      for (const r of rows) {
        const actor = actorOrCardFromValues(r.actor);
        const p = participationFromValues(r.participation, actor.id, r.oid);
        const list = byOp.get(r.oid);
        if (list) list.push(p);
        else byOp.set(r.oid, [p]);
        if (isActorCard(actor)) p.actorCard = actor;
        else ctx.loaders.actor.prime(actor.id, actor);
      }
      // totalCount, when some page of the group asks for it: one count query for the whole group.
      let totals: Promise<Map<string, number>> | null = null;
      const totalsOfGroup = () =>
        (totals ??= ctx.db
          .read('participations/count-of-operations', { ids: params.ids, roles: params.roles, asOf: params.asOf })
          .then((rs) => new Map(rs.map((r) => [r.oid as string, r.total as number]))));
      for (const k of group) {
        const list = byOp.get(k.operationId) ?? [];
        const total = async () => (await totalsOfGroup()).get(k.operationId) ?? 0;
        out.set(k, toPage(list, plan, (p) => ({ k: null, id: p.id }), total, (p) => p));
      }
    }),
  );
  return keys.map((k) => out.get(k)!);
}

export interface ParticipationInput {
  actor: string;
  operation: string;
  role: ParticipationRole;
  since?: Date | null;
  until?: Date | null;
}

export async function createParticipation(ctx: Context, input: ParticipationInput): Promise<ParticipationRecord> {
  const required = writableSource(ctx.principal, null, 'createParticipation');
  if (input.since && input.until && input.until < input.since) throw new BadInputError('`until` is before `since`', [{ field: 'input.until', message: 'before since' }]);
  return ctx.db.write(async (tx) => {
    const [check] = await tx.run('participations/exists', { actor: input.actor, operation: input.operation, role: input.role });
    if (!check.actorExists) throw new NotFoundError('Actor', input.actor);
    if (!check.operationExists) throw new NotFoundError('Operation', input.operation);
    if (required != null && check.actorSource !== required) {
      throw new ForbiddenError(`createParticipation: actor ${input.actor} belongs to another source; this PARTNER key may only change source ${JSON.stringify(required)}`, ['EDITOR', 'ADMIN']);
    }
    if (check.existing) throw new ConflictError(`Actor ${input.actor} already has role ${input.role} in operation ${input.operation} (participation ${check.existing})`, { existingId: check.existing });
    const props = { id: newId('Participation'), role: input.role, since: dateParam(input.since), until: dateParam(input.until) };
    const [row] = await tx.run('participations/create', { actor: input.actor, operation: input.operation, props });
    await recordChanges(tx, [eventFor('Participation', 'CREATE', row.participation)]);
    return toParticipation(row.participation);
  });
}

export async function deleteParticipation(ctx: Context, id: string): Promise<{ id: string }> {
  const requiredSource = writableSource(ctx.principal, null, 'deleteParticipation');
  return ctx.db.write(async (tx) => {
    const [row] = await tx.run('participations/delete', { id, requiredSource });
    if (!row) {
      const [owner] = await tx.run('participations/source-of', { id });
      if (!owner) throw new NotFoundError('Participation', id);
      throw new ForbiddenError(`deleteParticipation: participation ${id} belongs to another source`, ['EDITOR', 'ADMIN']);
    }
    await recordChanges(tx, [eventFor('Participation', 'DELETE', row.participation)]);
    return { id };
  });
}
