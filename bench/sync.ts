/**
 * Sync throughput: 10,000 actors and 30,000 bonds through `syncActors`/`syncBonds` (batches of
 * 5,000), against the same kind of data written one `createActor`/`createBond` mutation per item
 * (a sample, 8 concurrent clients), on the same Neo4j in the same run. Prints rates and ratios.
 *   npx ts-node --transpile-only bench/sync.ts [--actors 10000 --bonds 30000 --sample 1000]
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startBenchStack, rng } from './stack';

const SECTORS = ['ECONOMIC', 'POLITICAL', 'CIVIL_SOCIETY', 'RESEARCH', 'CITIZENS'];
const KINDS = ['COLLABORATES_WITH', 'FUNDS', 'SUPPLIES', 'ADVISES', 'CONTRACTS_WITH'];

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { actors: { type: 'string', default: '10000' }, bonds: { type: 'string', default: '30000' }, sample: { type: 'string', default: '1000' } } });
  const nActors = Number(values.actors);
  const nBonds = Number(values.bonds);
  const sample = Number(values.sample);
  const rand = rng(42);
  const actors = Array.from({ length: nActors }, (_, i) => ({ externalId: `a${i}`, name: `Acteur ${i}`, kind: 'ORGANIZATION', sector: SECTORS[i % SECTORS.length], territory: 'Artois', tags: ['bench'] }));
  const bonds = Array.from({ length: nBonds }, (_, i) => {
    const from = Math.floor(rand() * nActors);
    let to = Math.floor(rand() * nActors);
    if (to === from) to = (to + 1) % nActors;
    return { externalId: `b${i}`, kind: KINDS[i % KINDS.length], from: { externalId: `a${from}` }, to: { externalId: `a${to}` }, weight: 1 + (i % 5), since: `201${1 + (i % 5)}-01-01` };
  });
  const stack = await startBenchStack();
  try {
    const SYNC_A = `mutation($a: [ActorSyncInput!]!) { syncActors(source: "bench", actors: $a) { created } }`;
    const SYNC_B = `mutation($b: [BondSyncInput!]!) { syncBonds(source: "bench", bonds: $b) { created } }`;
    let t0 = performance.now();
    for (let i = 0; i < actors.length; i += 5000) await stack.gql(SYNC_A, { a: actors.slice(i, i + 5000) });
    const actorSecs = (performance.now() - t0) / 1000;
    t0 = performance.now();
    for (let i = 0; i < bonds.length; i += 5000) await stack.gql(SYNC_B, { b: bonds.slice(i, i + 5000) });
    const bondSecs = (performance.now() - t0) / 1000;
    t0 = performance.now();
    for (let i = 0; i < actors.length; i += 5000) await stack.gql(SYNC_A, { a: actors.slice(i, i + 5000) });
    const replaySecs = (performance.now() - t0) / 1000;

    // One mutation per item, 8 clients in parallel, on a sample (same shapes, another source).
    const CREATE_A = `mutation($i: CreateActorInput!) { createActor(input: $i) { id } }`;
    const CREATE_B = `mutation($i: CreateBondInput!) { createBond(input: $i) { id } }`;
    const pool = async <T>(items: T[], fn: (x: T) => Promise<unknown>) => {
      let next = 0;
      await Promise.all(Array.from({ length: 8 }, async () => { while (next < items.length) await fn(items[next++]); }));
    };
    const ids: string[] = [];
    t0 = performance.now();
    await pool(actors.slice(0, sample), async (a) => ids.push((await stack.gql(CREATE_A, { i: { name: a.name, kind: a.kind, sector: a.sector, source: 'single', externalId: a.externalId } })).createActor.id));
    const singleActorSecs = (performance.now() - t0) / 1000;
    const bondSample = Array.from({ length: sample }, (_, i) => ({ kind: KINDS[i % KINDS.length], from: ids[i % ids.length], to: ids[(i * 7 + 1) % ids.length], source: 'single' })).filter((b) => b.from !== b.to);
    t0 = performance.now();
    await pool(bondSample, (b) => stack.gql(CREATE_B, { i: b }));
    const singleBondSecs = (performance.now() - t0) / 1000;

    const r = {
      actors: nActors,
      bonds: nBonds,
      syncActorsPerSec: nActors / actorSecs,
      syncBondsPerSec: nBonds / bondSecs,
      replayActorsPerSec: nActors / replaySecs,
      singleActorsPerSec: sample / singleActorSecs,
      singleBondsPerSec: bondSample.length / singleBondSecs,
    };
    const f = (x: number) => x.toFixed(0).padStart(8);
    console.log(`\nSync throughput (${nActors} actors, ${nBonds} bonds; one-per-mutation sample: ${sample}, 8 clients)`);
    console.log(`                      bulk sync   one mutation/item   ratio`);
    console.log(`actors/s              ${f(r.syncActorsPerSec)}   ${f(r.singleActorsPerSec)}            ${(r.syncActorsPerSec / r.singleActorsPerSec).toFixed(1)}x`);
    console.log(`bonds/s               ${f(r.syncBondsPerSec)}   ${f(r.singleBondsPerSec)}            ${(r.syncBondsPerSec / r.singleBondsPerSec).toFixed(1)}x`);
    console.log(`replay (unchanged) actors/s: ${f(r.replayActorsPerSec)}`);
    writeFileSync('bench/results/sync.json', JSON.stringify({ at: new Date().toISOString(), ...r }, null, 2));
  } finally {
    await stack.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
