import DataLoader from 'dataloader';
import type { Context } from './context';
import type { Executor, Params, Row } from './db/database';
import type { Variant } from './db/cypher';
import { actorFromValues, actorsByIds, toActor } from './actors/actor.service';
import { bondCounts, bondsByIds, bondsOfActors, type ActorBondsKey, type BondCountKey } from './bonds/bond.service';
import { participationsOfActors, participationsOfOperations, type OperationParticipationsKey } from './participations/participation.service';
import { toCommon, toEvent, toIndicator, toOperation, toParticipation } from './common/records';
import type { Actor } from './actors/actor.type';
import type { BondRecord } from './bonds/bond.type';
import type { ConnectionResult } from './common/pagination';
import type { OperationRecord } from './operations/operation.type';
import type { CommonRecord } from './commons/common.type';
import type { ParticipationRecord } from './participations/participation.type';
import type { IndicatorRecord } from './operations/indicator.type';
import type { EventRecord } from './events/event.type';

/** What loader bodies read through: the request's executor. */
export type Reader = Pick<Executor, 'read' | 'readAll' | 'readTx' | 'write' | 'roundTrips'>;

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
 * How each loader of a request is made, from the request context whose `db` is the batching
 * reader (lctx) and that reader (db). Built on first use: a request pays only for the loaders its
 * query touches (most touch two or three of the twenty).
 */
type Factory = (lctx: Context, db: ReadWave) => unknown;
const FACTORIES = {
  actor: (lctx) => new DataLoader<string, Actor | null>((ids) => actorsByIds(lctx, ids)),
  bond: (lctx) => new DataLoader<string, BondRecord | null>((ids) => bondsByIds(lctx, ids)),
  bondsOfActor: (lctx) => new DataLoader<ActorBondsKey, ConnectionResult<BondRecord>, string>((keys) => bondsOfActors(lctx, keys), objectKey),
  bondCount: (lctx) => new DataLoader<BondCountKey, number, string>((keys) => bondCounts(lctx, keys), objectKey),
  operation: (_lctx, db) => oneLoader<OperationRecord>(db, 'operations/by-ids', 'ids', 'operation', (r) => r.id, toOperation),
  operationByCode: (_lctx, db) => oneLoader<OperationRecord>(db, 'operations/by-codes', 'codes', 'operation', (r) => r.code, toOperation),
  common: (_lctx, db) => oneLoader<CommonRecord>(db, 'commons/by-ids', 'ids', 'common', (r) => r.id, toCommon),
  commonByCode: (_lctx, db) => oneLoader<CommonRecord>(db, 'commons/by-codes', 'codes', 'common', (r) => r.code, toCommon),
  participation: (_lctx, db) => oneLoader<ParticipationRecord>(db, 'participations/by-ids', 'ids', 'participation', (r) => r.id, toParticipation),
  indicator: (_lctx, db) => oneLoader<IndicatorRecord>(db, 'indicators/by-ids', 'ids', 'indicator', (r) => r.id, toIndicator),
  event: (_lctx, db) => oneLoader<EventRecord>(db, 'events/by-ids', 'ids', 'event', (r) => r.id, toEvent),
  participationsOfActor: (lctx) => new DataLoader<string, ParticipationRecord[]>((ids) => participationsOfActors(lctx, ids)),
  participationsOfOperation: (lctx) => new DataLoader<OperationParticipationsKey, ConnectionResult<ParticipationRecord>, string>(
    (keys) => participationsOfOperations(lctx, keys),
    objectKey,
  ),
  commonsOfOperation: (_lctx, db) => listLoader(db, 'commons/of-operations', 'oid', 'commons', toCommon),
  operationsOfCommon: (_lctx, db) => listLoader(db, 'operations/of-commons', 'cid', 'operations', toOperation),
  stewardsOfCommon: (_lctx, db) => listLoader(db, 'commons/stewards', 'cid', 'actors', actorFromValues),
  commonsStewardedBy: (_lctx, db) => listLoader(db, 'commons/stewarded-by', 'aid', 'commons', toCommon),
  indicatorsOfOperation: (_lctx, db) => listLoader(db, 'indicators/of-operations', 'oid', 'indicators', toIndicator),
  attendeesOfEvent: (_lctx, db) => listLoader(db, 'events/attendees', 'eid', 'actors', toActor),
  eventsOfActor: (_lctx, db) => listLoader(db, 'events/of-actors', 'aid', 'events', toEvent),
  operationLeads: (_lctx, db) => new DataLoader<string, { leadDepartment: string | null; projectLead: string | null }>(async (ids) => {
    const rows = await db.read('operations/leads', { ids: [...new Set(ids)] });
    const byId = new Map(rows.map((r) => [r.oid as string, { leadDepartment: r.leadDepartment, projectLead: r.projectLead }]));
    return ids.map((id) => byId.get(id) ?? { leadDepartment: null, projectLead: null });
  }),
  roleCounts: (_lctx, db) => new DataLoader<string, { role: string; count: number }[]>(async (ids) => {
    const rows = await db.read('operations/role-counts', { ids: [...new Set(ids)] });
    const byId = new Map(rows.map((r) => [r.oid as string, (r.counts as any[]).filter(Boolean)]));
    return ids.map((id) => (byId.get(id) ?? []).sort((a, b) => b.count - a.count || a.role.localeCompare(b.role)));
  }),
} satisfies Record<string, Factory>;

export type Loaders = { readonly [K in keyof typeof FACTORIES]: ReturnType<(typeof FACTORIES)[K]> };

const LCTX = Symbol('loader context');
const WAVE = Symbol('read wave');
type LoaderHolder = { [LCTX]: Context; [WAVE]: ReadWave };

/**
 * The prototype of every request's loader set, built once: one getter per loader that makes it
 * on first use and keeps it on the instance (a request's own object is two fields, not twenty
 * property definitions).
 */
const LOADERS_PROTOTYPE: object = (() => {
  const proto = {};
  for (const key of Object.keys(FACTORIES) as (keyof typeof FACTORIES)[]) {
    Object.defineProperty(proto, key, {
      enumerable: true,
      get(this: LoaderHolder) {
        const value = FACTORIES[key](this[LCTX], this[WAVE]);
        Object.defineProperty(this, key, { value, enumerable: true, writable: false });
        return value;
      },
    });
  }
  return proto;
})();

/** Every DataLoader of a request. Created per request: a cache never outlives its request. */
export function createLoaders(ctx: Omit<Context, 'loaders'> & { loaders?: Loaders }): Loaders {
  const db = new ReadWave(ctx.db);
  // Loader bodies see the request context with the batching reader as `db` (everything else, the
  // loaders included once assigned, is read through from ctx); resolvers keep using ctx.db.
  const lctx = Object.create(ctx, { db: { value: db as unknown as Executor } }) as Context;
  const loaders = Object.create(LOADERS_PROTOTYPE) as LoaderHolder;
  loaders[LCTX] = lctx;
  loaders[WAVE] = db;
  return loaders as unknown as Loaders;
}

