import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import { int } from '../db/values';
import type { Row } from '../db/database';
import { listParam } from '../common/args';
import { checkCursorOrder, orderKeywords, planPage, toPage, type ConnectionResult, type PageArgs } from '../common/pagination';
import { BondDirection } from '../common/enums';
import { fieldsAt } from '../common/lookahead';
import { onlySelects } from '../model/card';
import { actorOrCardFromValues, isActorCard, servedByCard } from '../actors/actor.record';
import type { ActorBondsKey, BondCountKey, LoaderDeps, Reader } from '../loaders.types';
import { bondCardFromValues, bondFromMap, bondFromValues, type BondRecord } from './bond.type';
import { BOND_CARD_FIELDS } from './bond.model';
import { BondOrderField, type ActorBondsArgs } from './bond.input';
import { dateTimeParam } from '../common/args';


/** Batch loader body: bonds by id, in the order asked (null where none). */
export async function bondsByIds(db: Reader, ids: readonly string[]): Promise<(BondRecord | null)[]> {
  const rows = await db.read('bonds/by-ids', { ids: [...new Set(ids)] });
  const byId = new Map<string, BondRecord>();
  for (const r of rows) {
    const bond = bondFromMap(r.bond);
    byId.set(bond.id, bond);
  }
  return ids.map((id) => byId.get(id) ?? null);
}

/** What a bond page below these field nodes can read as cards: the bonds' ends, the bonds. */
export interface BondCards {
  /** The page selects only card fields of the bonds' ends. */
  actor: boolean;
  /** The page selects only card fields of the bonds (and their ends). */
  bond: boolean;
}

const BOND_CARD_SELECTION = new Set(['__typename', 'other', 'from', 'to', ...BOND_CARD_FIELDS]);

export const bondEndsAsCards = (nodes: readonly FieldNode[], info: Pick<GraphQLResolveInfo, 'fragments'>): BondCards => {
  return {
    actor: servedByCard(fieldsAt(nodes, info.fragments, [['edges', 'node', 'other'], ['edges', 'node', 'from'], ['edges', 'node', 'to']])),
    bond: onlySelects(fieldsAt(nodes, info.fragments, [['edges', 'node']]), BOND_CARD_SELECTION),
  };
};

/**
 * The loader key of an actor's bond page from the field's arguments: a fixed field order and nulls
 * for absent arguments, so that equal pages have equal keys (a prefetch from the look-ahead and the
 * field resolver meet in the loader's cache).
 */
export function actorBondsKey(actorId: string, a: Partial<ActorBondsArgs>, cards: BondCards = { actor: false, bond: false }): ActorBondsKey {
  return {
    actorId,
    args: {
      first: a.first ?? null,
      after: a.after ?? null,
      last: a.last ?? null,
      before: a.before ?? null,
      kinds: a.kinds ?? null,
      direction: a.direction ?? BondDirection.BOTH,
      orderField: a.orderBy?.field ?? BondOrderField.ID,
      orderDirection: a.orderBy?.direction === 'DESC' ? 'DESC' : 'ASC',
    },
    card: cards.actor,
    bondCard: cards.bond,
  };
}

/**
 * Loader body for `Actor.bonds`: one query for every actor of the batch that shares the same
 * arguments (a page of 50 actors asking for their first 20 bonds is one round trip).
 */
export async function bondsOfActors({ db, maxPageSize, loaders }: LoaderDeps, keys: readonly ActorBondsKey[]): Promise<ConnectionResult<BondRecord>[]> {
  const groups = new Map<string, ActorBondsKey[]>();
  for (const k of keys) {
    const g = JSON.stringify([k.args.first, k.args.after, k.args.last, k.args.before, k.args.kinds, k.args.direction, k.args.orderField, k.args.orderDirection, k.card, k.bondCard]);
    groups.set(g, [...(groups.get(g) ?? []), k]);
  }
  const results = new Map<ActorBondsKey, ConnectionResult<BondRecord>>();
  await Promise.all(
    [...groups.values()].map(async (group) => {
      const { args, card, bondCard } = group[0];
      const plan = planPage(args as PageArgs, maxPageSize);
      const byTime = args.orderField !== BondOrderField.ID;
      checkCursorOrder(plan, args.orderField, byTime ? 'instant' : 'none');
      const ids = [...new Set(group.map((k) => k.actorId))];
      const afterKey = plan.cursor && byTime ? dateTimeParam(new Date(String(plan.cursor.k))) : null;
      const params = { ids, kinds: listParam(args.kinds), direction: args.direction, afterId: plan.cursor?.id ?? null, limit: int(plan.limit), ...(byTime ? { orderField: args.orderField, afterKey } : {}) };
      const rows = await db.read(byTime ? 'bonds/of-actors-by-time' : 'bonds/of-actors', params, { ...orderKeywords(args.orderDirection, plan.backward), ACTOR: card ? 'CARD' : 'FULL', BOND: bondCard ? 'CARD' : 'FULL' });
      // One row per bond, in page order per actor; the other ends prime the actor loader (cards
      // ride on the bond instead: a card must never stand for a full record).
      const byActor = new Map<string, BondRecord[]>();
      // The sort key of each bond (an instant for the time orders), for the cursors.
      const keys = new Map<BondRecord, unknown>();
      for (const r of rows) {
        const bond = bondCard ? bondCardFromValues(r.bond) : bondFromValues(r.bond);
        if (byTime) keys.set(bond, r.k);
        const list = byActor.get(r.aid);
        if (list) list.push(bond);
        else byActor.set(r.aid, [bond]);
        const other = actorOrCardFromValues(r.other);
        if (isActorCard(other)) bond.endCard = other;
        else loaders.actor.prime(other.id, other);
      }
      for (const k of group) {
        const bonds = byActor.get(k.actorId) ?? [];
        const total = () => loaders.bondCount.load({ actorId: k.actorId, kinds: args.kinds, direction: args.direction });
        const keyOf = byTime ? (b: BondRecord) => ({ k: (keys.get(b) as Date).toISOString(), id: b.id }) : (b: BondRecord) => ({ k: null, id: b.id });
        results.set(k, toPage(bonds, plan, keyOf, total, (b) => b));
      }
    }),
  );
  return keys.map((k) => results.get(k)!);
}

/** Loader body for bond counts, batched per (kinds, direction). */
export async function bondCounts(db: Reader, keys: readonly BondCountKey[]): Promise<number[]> {
  const groups = new Map<string, BondCountKey[]>();
  for (const k of keys) {
    const g = JSON.stringify([k.kinds, k.direction]);
    groups.set(g, [...(groups.get(g) ?? []), k]);
  }
  const out = new Map<BondCountKey, number>();
  await Promise.all(
    [...groups.values()].map(async (group) => {
      const rows = await db.read('bonds/count-of-actors', { ids: [...new Set(group.map((k) => k.actorId))], kinds: listParam(group[0].kinds), direction: group[0].direction });
      const byActor = new Map(rows.map((r: Row) => [r.aid as string, r.total as number]));
      for (const k of group) out.set(k, byActor.get(k.actorId) ?? 0);
    }),
  );
  return keys.map((k) => out.get(k)!);
}
