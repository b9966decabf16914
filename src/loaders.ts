import DataLoader from 'dataloader';
import type { Context } from './context';
import type { Executor, Row } from './db/database';
import { actorsByIds, toActor } from './actors/actor.service';
import { bondCounts, bondsByIds, bondsOfActors, type ActorBondsKey, type BondCountKey } from './bonds/bond.service';
import { participationsOfOperations, type OperationParticipationsKey } from './participations/participation.service';
import { toCommon, toEvent, toIndicator, toOperation, toParticipation } from './common/records';
import type { Actor } from './actors/actor.type';
import type { BondRecord } from './bonds/bond.type';
import type { ConnectionResult } from './common/pagination';
import type { OperationRecord } from './operations/operation.type';
import type { CommonRecord } from './commons/common.type';
import type { ParticipationRecord } from './participations/participation.type';
import type { IndicatorRecord } from './operations/indicator.type';
import type { EventRecord } from './events/event.type';

/**
 * Loads, in one round trip per batch, the rows a query returns as `(key, list)` pairs, and gives
 * each key its list (empty when the query has no row for it).
 */
function listLoader<T>(db: Executor, query: string, keyField: string, listField: string, map: (r: any) => T) {
  return new DataLoader<string, T[]>(async (ids) => {
    const rows = await db.read(query, { ids: [...new Set(ids)] });
    const byKey = new Map(rows.map((r: Row) => [r[keyField] as string, (r[listField] as any[]).map(map)]));
    return ids.map((id) => byKey.get(id) ?? []);
  });
}

/** Loads single records by a key, null where none. */
function oneLoader<T>(db: Executor, query: string, param: string, field: string, keyOf: (r: any) => string, map: (r: any) => T) {
  return new DataLoader<string, T | null>(async (keys) => {
    const rows = await db.read(query, { [param]: [...new Set(keys)] });
    const byKey = new Map(rows.map((r: Row) => [keyOf(r[field]), map(r[field])]));
    return keys.map((k) => byKey.get(k) ?? null);
  });
}

/** Every DataLoader of a request. Created per request: a cache never outlives its request. */
export function createLoaders(ctx: Omit<Context, 'loaders'> & { loaders?: Loaders }) {
  const db = ctx.db;
  const full = ctx as Context;
  const objectKey = { cacheKeyFn: (k: object) => JSON.stringify(k) };
  return {
    actor: new DataLoader<string, Actor | null>((ids) => actorsByIds(ctx, ids)),
    bond: new DataLoader<string, BondRecord | null>((ids) => bondsByIds(ctx, ids)),
    bondsOfActor: new DataLoader<ActorBondsKey, ConnectionResult<BondRecord>, string>((keys) => bondsOfActors(full, keys), objectKey),
    bondCount: new DataLoader<BondCountKey, number, string>((keys) => bondCounts(ctx, keys), objectKey),
    operation: oneLoader<OperationRecord>(db, 'operations/by-ids', 'ids', 'operation', (r) => r.id, toOperation),
    common: oneLoader<CommonRecord>(db, 'commons/by-ids', 'ids', 'common', (r) => r.id, toCommon),
    commonByCode: oneLoader<CommonRecord>(db, 'commons/by-codes', 'codes', 'common', (r) => r.code, toCommon),
    participation: oneLoader<ParticipationRecord>(db, 'participations/by-ids', 'ids', 'participation', (r) => r.id, toParticipation),
    indicator: oneLoader<IndicatorRecord>(db, 'indicators/by-ids', 'ids', 'indicator', (r) => r.id, toIndicator),
    event: oneLoader<EventRecord>(db, 'events/by-ids', 'ids', 'event', (r) => r.id, toEvent),
    participationsOfActor: listLoader(db, 'participations/of-actors', 'aid', 'participations', toParticipation),
    participationsOfOperation: new DataLoader<OperationParticipationsKey, ConnectionResult<ParticipationRecord>, string>(
      (keys) => participationsOfOperations(full, keys),
      objectKey,
    ),
    commonsOfOperation: listLoader(db, 'commons/of-operations', 'oid', 'commons', toCommon),
    operationsOfCommon: listLoader(db, 'operations/of-commons', 'cid', 'operations', toOperation),
    stewardsOfCommon: listLoader(db, 'commons/stewards', 'cid', 'actors', toActor),
    commonsStewardedBy: listLoader(db, 'commons/stewarded-by', 'aid', 'commons', toCommon),
    indicatorsOfOperation: listLoader(db, 'indicators/of-operations', 'oid', 'indicators', toIndicator),
    attendeesOfEvent: listLoader(db, 'events/attendees', 'eid', 'actors', toActor),
    eventsOfActor: listLoader(db, 'events/of-actors', 'aid', 'events', toEvent),
    operationLeads: new DataLoader<string, { leadDepartment: string | null; projectLead: string | null }>(async (ids) => {
      const rows = await db.read('operations/leads', { ids: [...new Set(ids)] });
      const byId = new Map(rows.map((r) => [r.oid as string, { leadDepartment: r.leadDepartment, projectLead: r.projectLead }]));
      return ids.map((id) => byId.get(id) ?? { leadDepartment: null, projectLead: null });
    }),
    roleCounts: new DataLoader<string, { role: string; count: number }[]>(async (ids) => {
      const rows = await db.read('operations/role-counts', { ids: [...new Set(ids)] });
      const byId = new Map(rows.map((r) => [r.oid as string, (r.counts as any[]).filter(Boolean)]));
      return ids.map((id) => (byId.get(id) ?? []).sort((a, b) => b.count - a.count || a.role.localeCompare(b.role)));
    }),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
