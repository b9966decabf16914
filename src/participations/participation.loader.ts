import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import { int } from '../db/values';
import type { Row } from '../db/database';
import { dateParam, listParam } from '../common/args';
import { orderKeywords, planPage, toPage, type ConnectionResult } from '../common/pagination';
import { fieldsAt } from '../common/lookahead';
import { onlySelects } from '../model/card';
import { toCommon, toOperation } from '../common/records';
import { actorOrCardFromValues, isActorCard, servedByCard } from '../actors/actor.record';
import type { LoaderDeps, OperationParticipationsKey } from '../loaders.types';
import { participationCardFromValues, participationFromValues, type ParticipationRecord } from './participation.type';
import { PARTICIPATION_CARD_FIELDS } from './participation.model';
import type { OperationParticipationsArgs } from './participation.input';

/**
 * Loader body for `Actor.participations` (and `Actor.operations`): every participation of each
 * actor, by operation code then role. The operations and their commons come in the same rows and
 * prime the operation and commons-of-operation loaders.
 */
export async function participationsOfActors({ db, loaders }: LoaderDeps, ids: readonly string[]): Promise<ParticipationRecord[][]> {
  const rows = await db.read('participations/of-actors', { ids: [...new Set(ids)] });
  const byActor = new Map<string, ParticipationRecord[]>();
  for (const r of rows) {
    const p = participationFromValues(r.participation);
    const list = byActor.get(r.aid);
    if (list) list.push(p);
    else byActor.set(r.aid, [p]);
    loaders.operation.prime(p.operationId, toOperation(r.operation));
    const commons = (r.commons as Row[]).map(toCommon).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    loaders.commonsOfOperation.prime(p.operationId, commons);
  }
  return ids.map((id) => byActor.get(id) ?? []);
}

/** What a participation page below these field nodes can read as cards: the participants, the participations. */
export interface ParticipationCards {
  /** The page selects only card fields of the participants. */
  actor: boolean;
  /** The page selects only card fields of the participations (and their ends). */
  participation: boolean;
}

const PARTICIPATION_CARD_SELECTION = new Set(['__typename', 'actor', 'operation', ...PARTICIPATION_CARD_FIELDS]);

export const participantsAsCards = (nodes: readonly FieldNode[], info: Pick<GraphQLResolveInfo, 'fragments'>): ParticipationCards => {
  return {
    actor: servedByCard(fieldsAt(nodes, info.fragments, [['edges', 'node', 'actor']])),
    participation: onlySelects(fieldsAt(nodes, info.fragments, [['edges', 'node']]), PARTICIPATION_CARD_SELECTION),
  };
};

/**
 * The loader key of an operation's participation page from the field's arguments: a fixed field
 * order and nulls for absent arguments, so that equal pages have equal keys (a prefetch from the
 * look-ahead and the field resolver meet in the loader's cache).
 */
export function operationParticipationsKey(operationId: string, a: Partial<OperationParticipationsArgs>, cards: ParticipationCards = { actor: false, participation: false }): OperationParticipationsKey {
  return {
    operationId,
    roles: a.roles?.length ? a.roles : null,
    asOf: a.asOf ?? null,
    page: { first: a.first ?? null, after: a.after ?? null, last: a.last ?? null, before: a.before ?? null },
    card: cards.actor,
    participationCard: cards.participation,
  };
}

/**
 * Loader body for `Operation.participations`: one query per distinct argument set, for every
 * operation of the batch. The participants' actor rows come with it and prime the actor loader.
 */
export async function participationsOfOperations({ db, maxMemberPageSize, loaders }: LoaderDeps, keys: readonly OperationParticipationsKey[]): Promise<ConnectionResult<ParticipationRecord>[]> {
  const groups = new Map<string, OperationParticipationsKey[]>();
  for (const k of keys) {
    const g = JSON.stringify([k.roles, k.asOf, k.page, k.card, k.participationCard]);
    groups.set(g, [...(groups.get(g) ?? []), k]);
  }
  const out = new Map<OperationParticipationsKey, ConnectionResult<ParticipationRecord>>();
  await Promise.all(
    [...groups.values()].map(async (group) => {
      const { roles, asOf, page, card, participationCard } = group[0];
      const plan = planPage(page, maxMemberPageSize);
      // A first page starts below every id (or above, backward): the query seeks from $afterId.
      const afterId = plan.cursor?.id ?? (plan.backward ? '\uffff' : '');
      const params = { ids: [...new Set(group.map((k) => k.operationId))], roles: listParam(roles), asOf: dateParam(asOf), afterId, limit: int(plan.limit) };
      const rows = await db.read('participations/of-operations', params, { ...orderKeywords('ASC', plan.backward), ACTOR: card ? 'CARD' : 'FULL', PARTICIPATION: participationCard ? 'CARD' : 'FULL' });
      // One row per participation, in page order per operation; full participants prime the actor
      // loader, cards ride on the participation (a card must never stand for a full record).
      const byOp = new Map<string, ParticipationRecord[]>();
      for (const r of rows) {
        const actor = actorOrCardFromValues(r.actor);
        const p = participationCard ? participationCardFromValues(r.participation, actor.id, r.oid) : participationFromValues(r.participation);
        const list = byOp.get(r.oid);
        if (list) list.push(p);
        else byOp.set(r.oid, [p]);
        if (isActorCard(actor)) p.actorCard = actor;
        else loaders.actor.prime(actor.id, actor);
      }
      // totalCount, when some page of the group asks for it: one count query for the whole group.
      let totals: Promise<Map<string, number>> | null = null;
      const totalsOfGroup = () =>
        (totals ??= db
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
