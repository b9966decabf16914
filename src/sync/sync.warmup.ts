import { randomUUID } from 'node:crypto';
import { graphql, type GraphQLSchema } from 'graphql';
import type { Config } from '../config';
import type { Context } from '../context';
import { RehearsalExecutor, type Database } from '../db/database';
import { createLoaders } from '../loaders';
import { Role, type Principal } from '../auth/roles';

/** The source of the rehearsal's records (never stored: its transaction is rolled back). */
export const REHEARSAL_SOURCE = 'agencement-warmup';
const SYNC_ACTORS = `mutation($s: String!, $a: [ActorSyncInput!]!) { syncActors(source: $s, actors: $a) { created updated unchanged } }`;
const SYNC_BONDS = `mutation($s: String!, $b: [BondSyncInput!]!) { syncBonds(source: $s, bonds: $b) { created updated unchanged } }`;

/**
 * Rehearses the sync's write path at start-up (issue #17 §4: the first sync of a fresh instance
 * cost three warm ones, planning alone did not fix it): `n` actors and `n` bonds synced through the
 * schema, as a request would (variables coerced, inputs converted, the gate, the statements, the
 * change feed), created then synced again with half of them changed, all in one transaction that
 * is rolled back. Nothing is stored and no change event is committed. The events go to a sequence
 * of the rehearsal's own (created in that transaction), not the feed's: the feed's lock is never
 * taken, so the writes of other instances on the same database do not wait for a starting one. The
 * records are of a source of their own, so that no lock is shared with real writes either.
 * Resolves with the time taken in ms; a failure is not fatal (the first calls then warm up instead).
 */
export async function rehearseSync(schema: GraphQLSchema, db: Database, config: Config, n = 1000): Promise<number> {
  const t0 = performance.now();
  await rehearse(schema, db, config, n).catch(() => undefined); // Warmed up by the first calls instead.
  return performance.now() - t0;
}

/** The rehearsal itself (see rehearseSync): what each of its four syncs did, in its rolled-back transaction; throws on failure. */
export async function rehearse(schema: GraphQLSchema, db: Database, config: Config, n: number): Promise<Array<{ created: number; updated: number; unchanged: number }>> {
  const executor = new RehearsalExecutor(db, { op: 'warmup' }, `rehearsal-${randomUUID()}`);
  try {
    const principal: Principal = { role: Role.ADMIN, source: null, keyId: null, name: 'warmup' };
    const ctx = { requestId: 'warmup', principal, db: executor, config } as unknown as Context;
    ctx.loaders = createLoaders(ctx);
    const run = async (source: string, field: 'syncActors' | 'syncBonds', variableValues: Record<string, unknown>) => {
      const res = await graphql({ schema, source, variableValues, contextValue: ctx });
      if (res.errors?.length) throw res.errors[0];
      return (res.data as any)[field] as { created: number; updated: number; unchanged: number };
    };
    const actors = (v: number) => Array.from({ length: n }, (_, i) => ({ externalId: `w${i}`, name: `Warm-up ${i} ${i % 2 ? v : 0}`, kind: 'ORGANIZATION', sector: 'ECONOMIC', territory: 'Warm-up', tags: ['warmup'] }));
    const bonds = (v: number) => Array.from({ length: n }, (_, i) => ({ externalId: `w${i}`, kind: 'FUNDS', from: { externalId: `w${i}` }, to: { externalId: `w${(i + 1) % n}` }, weight: 1 + (i % 2 ? v : 0), since: '2020-01-01' }));
    const out = [];
    for (const v of [0, 1]) out.push(await run(SYNC_ACTORS, 'syncActors', { s: REHEARSAL_SOURCE, a: actors(v) }));
    for (const v of [0, 1]) out.push(await run(SYNC_BONDS, 'syncBonds', { s: REHEARSAL_SOURCE, b: bonds(v) }));
    return out;
  } finally {
    await executor.end();
  }
}
