import DataLoader from 'dataloader';
import type { Executor, Params, Row } from './db/database';
import type { Variant } from './db/cypher';
import { actorsByIds } from './actors/actor.loader';
import { actorFromMap, actorFromValues } from './actors/actor.record';
import { bondCounts, bondsByIds, bondsOfActors } from './bonds/bond.loader';
import { participationsOfActors, participationsOfOperations } from './participations/participation.loader';
import { participationFromMap } from './participations/participation.type';
import { toCommon, toEvent, toIndicator, toOperation } from './common/records';
import type { ActorBondsKey, BondCountKey, LoaderDeps, Loaders, OperationParticipationsKey, Reader } from './loaders.types';
import type { Actor } from './actors/actor.type';
import type { BondRecord } from './bonds/bond.type';
import type { ConnectionResult } from './common/pagination';
import type { OperationRecord } from './operations/operation.type';
import type { CommonRecord } from './commons/common.type';
import type { ParticipationRecord } from './participations/participation.type';
import type { IndicatorRecord } from './operations/indicator.type';
import type { EventRecord } from './events/event.type';
import { fundingFromMap, indicatorValueFromMap, type Funding, type IndicatorValue } from './funding/funding.type';

export type { Loaders, Reader } from './loaders.types';

interface Pending {
  name: string;
  params: Params;
  variant?: Variant;
  resolve: (rows: Row[]) => void;
  reject: (err: unknown) => void;
}

/**
 * Sends the loader queries of one resolution wave together. DataLoader batches the loads of each
 * loader; the batches of different loaders (an actor's bonds, its participations, ...) are
 * dispatched in the same tick, queue here, and go to Neo4j as ONE bundled query (see
 * db/bundle.ts) instead of one each (Executor.readAll runs a lone query as it is).
 */
export class ReadWave implements Reader {
  private queue: Pending[] = [];

  constructor(private readonly db: Executor) {}

  read(name: string, params: Params = {}, variant?: Variant): Promise<Row[]> {
    return new Promise<Row[]>((resolve, reject) => {
      this.queue.push({ name, params, variant, resolve, reject });
      // After every DataLoader dispatch of this wave (those run on process.nextTick).
      if (this.queue.length === 1) setImmediate(() => this.flush());
    });
  }

  /** The executor's other entry points, not queued (so that a loader body may use any of them). */
  readAll: Executor['readAll'] = (queries) => this.db.readAll(queries);
  readTx: Executor['readTx'] = (work) => this.db.readTx(work);
  write: Executor['write'] = (work) => this.db.write(work);
  get roundTrips(): number {
    return this.db.roundTrips;
  }

  private flush(): void {
    const items = this.queue;
    this.queue = [];
    this.db.readAll(items).then(
      (results) => items.forEach((q, i) => q.resolve(results[i])),
      (err) => items.forEach((q) => q.reject(err)),
    );
  }
}

/**
 * Loads, in one round trip per batch, the rows a query returns as `(key, list)` pairs, and gives
 * each key its list (empty when the query has no row for it).
 */
function listLoader<T>(db: Reader, query: string, keyField: string, listField: string, map: (r: any) => T) {
  return new DataLoader<string, T[]>(async (ids) => {
    const rows = await db.read(query, { ids: [...new Set(ids)] });
    const byKey = new Map(rows.map((r: Row) => [r[keyField] as string, (r[listField] as any[]).map(map)]));
    return ids.map((id) => byKey.get(id) ?? []);
  });
}

/** Loads single records by a key, null where none. */
function oneLoader<T>(db: Reader, query: string, param: string, field: string, keyOf: (r: any) => string, map: (r: any) => T) {
  return new DataLoader<string, T | null>(async (keys) => {
    const rows = await db.read(query, { [param]: [...new Set(keys)] });
    const byKey = new Map(rows.map((r: Row) => [keyOf(r[field]), map(r[field])]));
    return keys.map((k) => byKey.get(k) ?? null);
  });
}

const objectKey = { cacheKeyFn: (k: object) => JSON.stringify(k) };

/**
 * How each loader of a request is made, from the loader deps (whose `db` is the batching reader).
 * Built on first use: a request pays only for the loaders its query touches (most touch two or
 * three of the twenty).
 */
type Factory = (deps: LoaderDeps) => unknown;
const FACTORIES = {
  actor: ({ db }) => new DataLoader<string, Actor | null>((ids) => actorsByIds(db, ids)),
  actorCards: () => new Map<string, Actor>(),
  bond: ({ db }) => new DataLoader<string, BondRecord | null>((ids) => bondsByIds(db, ids)),
  bondsOfActor: (deps) => new DataLoader<ActorBondsKey, ConnectionResult<BondRecord>, string>((keys) => bondsOfActors(deps, keys), objectKey),
  bondCount: ({ db }) => new DataLoader<BondCountKey, number, string>((keys) => bondCounts(db, keys), objectKey),
  operation: ({ db }) => oneLoader<OperationRecord>(db, 'operations/by-ids', 'ids', 'operation', (r) => r.id, toOperation),
  operationByCode: ({ db }) => oneLoader<OperationRecord>(db, 'operations/by-codes', 'codes', 'operation', (r) => r.code, toOperation),
  common: ({ db }) => oneLoader<CommonRecord>(db, 'commons/by-ids', 'ids', 'common', (r) => r.id, toCommon),
  commonByCode: ({ db }) => oneLoader<CommonRecord>(db, 'commons/by-codes', 'codes', 'common', (r) => r.code, toCommon),
  participation: ({ db }) => oneLoader<ParticipationRecord>(db, 'participations/by-ids', 'ids', 'participation', (r) => r.id, participationFromMap),
  indicator: ({ db }) => oneLoader<IndicatorRecord>(db, 'indicators/by-ids', 'ids', 'indicator', (r) => r.id, toIndicator),
  event: ({ db }) => oneLoader<EventRecord>(db, 'events/by-ids', 'ids', 'event', (r) => r.id, toEvent),
  participationsOfActor: (deps) => new DataLoader<string, ParticipationRecord[]>((ids) => participationsOfActors(deps, ids)),
  participationsOfOperation: (deps) => new DataLoader<OperationParticipationsKey, ConnectionResult<ParticipationRecord>, string>((keys) => participationsOfOperations(deps, keys), objectKey),
  commonsOfOperation: ({ db }) => listLoader(db, 'commons/of-operations', 'oid', 'commons', toCommon),
  operationsOfCommon: ({ db }) => listLoader(db, 'operations/of-commons', 'cid', 'operations', toOperation),
  stewardsOfCommon: ({ db }) => listLoader(db, 'commons/stewards', 'cid', 'actors', actorFromValues),
  commonsStewardedBy: ({ db }) => listLoader(db, 'commons/stewarded-by', 'aid', 'commons', toCommon),
  indicatorsOfOperation: ({ db }) => listLoader(db, 'indicators/of-operations', 'oid', 'indicators', toIndicator),
  funding: ({ db }) => oneLoader<Funding>(db, 'funding/by-ids', 'ids', 'funding', (r) => r.id, fundingFromMap),
  indicatorValue: ({ db }) => oneLoader<IndicatorValue>(db, 'indicators/values-by-ids', 'ids', 'value', (r) => r.id, indicatorValueFromMap),
  fundingsOfOperation: ({ db }) => listLoader(db, 'funding/of-operations', 'oid', 'fundings', fundingFromMap),
  valuesOfIndicator: ({ db }) => listLoader(db, 'indicators/values-of-indicators', 'iid', 'values', indicatorValueFromMap),
  attendeesOfEvent: ({ db }) => listLoader(db, 'events/attendees', 'eid', 'actors', actorFromMap),
  eventsOfActor: ({ db }) => listLoader(db, 'events/of-actors', 'aid', 'events', toEvent),
  operationLeads: ({ db }) => new DataLoader<string, { leadDepartment: string | null; projectLead: string | null }>(async (ids) => {
    const rows = await db.read('operations/leads', { ids: [...new Set(ids)] });
    const byId = new Map(rows.map((r) => [r.oid as string, { leadDepartment: r.leadDepartment, projectLead: r.projectLead }]));
    return ids.map((id) => byId.get(id) ?? { leadDepartment: null, projectLead: null });
  }),
  roleCounts: ({ db }) => new DataLoader<string, { role: string; count: number }[]>(async (ids) => {
    const rows = await db.read('operations/role-counts', { ids: [...new Set(ids)] });
    const byId = new Map(rows.map((r) => [r.oid as string, (r.counts as any[]).filter(Boolean)]));
    return ids.map((id) => (byId.get(id) ?? []).sort((a, b) => b.count - a.count || a.role.localeCompare(b.role)));
  }),
} satisfies Record<keyof Loaders, Factory>;

const DEPS = Symbol('loader deps');
type LoaderHolder = { [DEPS]: LoaderDeps };

/**
 * The prototype of every request's loader set, built once: one getter per loader that makes it
 * on first use and keeps it on the instance (a request's own object is one field, not twenty
 * property definitions).
 */
const LOADERS_PROTOTYPE: object = (() => {
  const proto = {};
  for (const key of Object.keys(FACTORIES) as (keyof typeof FACTORIES)[]) {
    Object.defineProperty(proto, key, {
      enumerable: true,
      get(this: LoaderHolder) {
        const value = FACTORIES[key](this[DEPS]);
        Object.defineProperty(this, key, { value, enumerable: true, writable: false });
        return value;
      },
    });
  }
  return proto;
})();

/** Every DataLoader of a request. Created per request: a cache never outlives its request. */
export function createLoaders(ctx: { db: Executor; config: { MAX_PAGE_SIZE: number; MAX_MEMBER_PAGE_SIZE?: number } }): Loaders {
  const loaders = Object.create(LOADERS_PROTOTYPE) as LoaderHolder & Loaders;
  // Loader bodies read through the batching reader; resolvers keep using ctx.db.
  loaders[DEPS] = { db: new ReadWave(ctx.db), maxPageSize: ctx.config.MAX_PAGE_SIZE, maxMemberPageSize: ctx.config.MAX_MEMBER_PAGE_SIZE ?? ctx.config.MAX_PAGE_SIZE, loaders };
  return loaders;
}
