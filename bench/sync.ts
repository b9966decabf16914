/**
 * Sync against its floor (issue #17 §4). In the same run, on the same Neo4j with the same
 * constraints and indexes, the same rows in the same batches (5,000):
 *   ours   `syncActors`/`syncBonds` over GraphQL HTTP: the real server, an API key, the gate, the
 *          change feed;
 *   floor  a plain `UNWIND $rows AS r MERGE … SET …` sent by neo4j-driver from this script;
 * for actor creates, bond creates, actor replays (every item unchanged) and bond replays. Each
 * round starts from an empty graph, ours and the floor alternate (which goes first swaps every
 * round), and the median over rounds is reported, with ours/floor per phase. Also: the first sync
 * call of this fresh instance (new Neo4j, new server) against the same call warm, and how long
 * the server's start-up planning took. The machine may be shared: the load average is printed.
 *   npx ts-node --transpile-only bench/sync.ts [--actors 10000 --bonds 30000 --rounds 2]
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { startBenchStack, rng } from './stack';

const SECTORS = ['ECONOMIC', 'POLITICAL', 'CIVIL_SOCIETY', 'RESEARCH', 'CITIZENS'];
const KINDS = ['COLLABORATES_WITH', 'FUNDS', 'SUPPLIES', 'ADVISES', 'CONTRACTS_WITH'];
const BATCH = 5000;
const SOURCE = 'bench';
const PHASES = ['actor creates', 'bond creates', 'actor replays', 'bond replays'] as const;
type Phase = (typeof PHASES)[number];
type Timing = Record<Phase, number> & { firstCallMs: number };

const FLOOR_ACTORS = `UNWIND $rows AS r
MERGE (a:Actor {source: $source, externalId: r.externalId})
ON CREATE SET a.id = r.id
SET a.name = r.name, a.kind = r.kind, a.sector = r.sector, a.territory = r.territory, a.tags = r.tags`;
// The floor's lookups carry the same index hints as ours (cypher/sync/*.cypher), so that neither
// runs a plan made from the statistics of an empty graph (a scan); the plans are checked below.
const FLOOR_BONDS = `UNWIND $rows AS r
MATCH (f:Actor {source: $source, externalId: r.from})
USING INDEX f:Actor(source, externalId)
MATCH (t:Actor {source: $source, externalId: r.to})
USING INDEX t:Actor(source, externalId)
MERGE (f)-[b:BOND {source: $source, externalId: r.externalId}]->(t)
ON CREATE SET b.id = r.id
SET b.kind = r.kind, b.weight = r.weight, b.since = r.since`;
const SYNC_A = `mutation($a: [ActorSyncInput!]!) { syncActors(source: "${SOURCE}", actors: $a) { created updated unchanged } }`;
const SYNC_B = `mutation($b: [BondSyncInput!]!) { syncBonds(source: "${SOURCE}", bonds: $b) { created updated unchanged } }`;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const batches = <T>(xs: T[]) => Array.from({ length: Math.ceil(xs.length / BATCH) }, (_, i) => xs.slice(i * BATCH, (i + 1) * BATCH));

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { actors: { type: 'string', default: '10000' }, bonds: { type: 'string', default: '30000' }, rounds: { type: 'string', default: '2' } } });
  const nActors = Number(values.actors);
  const nBonds = Number(values.bonds);
  const rounds = Number(values.rounds);
  const rand = rng(42);
  const actors = Array.from({ length: nActors }, (_, i) => ({ externalId: `a${i}`, name: `Acteur ${i}`, kind: 'ORGANIZATION', sector: SECTORS[i % SECTORS.length], territory: 'Artois', tags: ['bench'] }));
  const bonds = Array.from({ length: nBonds }, (_, i) => {
    const from = Math.floor(rand() * nActors);
    let to = Math.floor(rand() * nActors);
    if (to === from) to = (to + 1) % nActors;
    return { externalId: `b${i}`, kind: KINDS[i % KINDS.length], from: { externalId: `a${from}` }, to: { externalId: `a${to}` }, weight: 1 + (i % 5), since: `201${1 + (i % 5)}-01-01` };
  });
  // The floor's rows: the same items, ids made by the script (ours makes them in the API).
  const floorActors = actors.map((a, i) => ({ ...a, id: `floor-a${i}` }));
  const floorBonds = bonds.map((b, i) => {
    const [y, m, d] = b.since.split('-').map(Number);
    return { externalId: b.externalId, id: `floor-b${i}`, from: b.from.externalId, to: b.to.externalId, kind: b.kind, weight: b.weight, since: new neo4j.types.Date(y, m, d) };
  });

  const tStack = performance.now();
  const stack = await startBenchStack();
  // Like a load balancer waiting for /readyz: the first call comes once the start-up planning is done.
  const warmupMs = await stack.app.warmup;
  const stackSecs = (performance.now() - tStack) / 1000;
  try {
    const wipe = async () => {
      const s = stack.db.session('WRITE');
      try {
        await s.run('MATCH (n) WHERE n:Actor OR n:Change CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
      } finally {
        await s.close();
      }
    };
    // The floor must be a real floor: every lookup an index seek, no scan (checked on its plans).
    {
      const s = stack.db.session('READ');
      try {
        for (const text of [FLOOR_ACTORS, FLOOR_BONDS]) {
          const ops: string[] = [];
          const walk = (p: { operatorType: string; children: any[] }) => {
            ops.push(p.operatorType.replace(/@.*/, ''));
            p.children.forEach(walk);
          };
          walk((await s.run(`EXPLAIN ${text}`, { source: SOURCE, rows: [] })).summary.plan as any);
          if (ops.some((o) => /Scan/.test(o))) throw new Error(`the floor's plan scans: ${ops.join(' < ')}`);
          process.stderr.write(`floor plan: ${ops.join(' < ')}\n`);
        }
      } finally {
        await s.close();
      }
    }
    const expect = (what: string, got: { created: number; updated: number; unchanged: number }, n: number, status: 'created' | 'unchanged') => {
      if (got[status] !== n) throw new Error(`${what}: expected ${n} ${status}, got ${JSON.stringify(got)}`);
    };
    const ours = async (): Promise<Timing> => {
      const t: Partial<Timing> = {};
      let t0 = performance.now();
      let first = true;
      for (const a of batches(actors)) {
        const c0 = performance.now();
        expect('syncActors', (await stack.gql(SYNC_A, { a })).syncActors, a.length, 'created');
        if (first) t.firstCallMs = performance.now() - c0;
        first = false;
      }
      t['actor creates'] = (performance.now() - t0) / 1000;
      t0 = performance.now();
      for (const b of batches(bonds)) expect('syncBonds', (await stack.gql(SYNC_B, { b })).syncBonds, b.length, 'created');
      t['bond creates'] = (performance.now() - t0) / 1000;
      t0 = performance.now();
      for (const a of batches(actors)) expect('syncActors replay', (await stack.gql(SYNC_A, { a })).syncActors, a.length, 'unchanged');
      t['actor replays'] = (performance.now() - t0) / 1000;
      t0 = performance.now();
      for (const b of batches(bonds)) expect('syncBonds replay', (await stack.gql(SYNC_B, { b })).syncBonds, b.length, 'unchanged');
      t['bond replays'] = (performance.now() - t0) / 1000;
      return t as Timing;
    };
    const floor = async (): Promise<Timing> => {
      const s = stack.db.session('WRITE');
      const run = (text: string, rows: unknown[]) => s.executeWrite((tx) => tx.run(text, { source: SOURCE, rows }));
      const t: Partial<Timing> = {};
      try {
        for (const [phase, text, rows] of [
          ['actor creates', FLOOR_ACTORS, floorActors],
          ['bond creates', FLOOR_BONDS, floorBonds],
          ['actor replays', FLOOR_ACTORS, floorActors],
          ['bond replays', FLOOR_BONDS, floorBonds],
        ] as const) {
          const t0 = performance.now();
          let first = true;
          for (const batch of batches(rows as unknown[])) {
            const c0 = performance.now();
            await run(text, batch);
            if (first && phase === 'actor creates') t.firstCallMs = performance.now() - c0;
            first = false;
          }
          t[phase] = (performance.now() - t0) / 1000;
        }
      } finally {
        await s.close();
      }
      return t as Timing;
    };

    const runs: { ours: Timing[]; floor: Timing[] } = { ours: [], floor: [] };
    for (let r = 0; r < rounds; r++) {
      // Round 0 starts with ours, so that its first call is the fresh instance's first call.
      for (const who of r % 2 === 0 ? (['ours', 'floor'] as const) : (['floor', 'ours'] as const)) {
        await wipe();
        runs[who].push(await (who === 'ours' ? ours() : floor()));
        process.stderr.write(`round ${r + 1}: ${who} done\n`);
      }
    }

    const counts: Record<Phase, number> = { 'actor creates': nActors, 'bond creates': nBonds, 'actor replays': nActors, 'bond replays': nBonds };
    const floorsOf: Record<Phase, number> = { 'actor creates': 0.8, 'bond creates': 0.8, 'actor replays': 0.9, 'bond replays': 0.9 };
    const rows = PHASES.map((phase) => {
      const o = counts[phase] / median(runs.ours.map((t) => t[phase]));
      const f = counts[phase] / median(runs.floor.map((t) => t[phase]));
      return { phase, oursPerSec: Math.round(o), floorPerSec: Math.round(f), ratio: o / f, target: floorsOf[phase] };
    });
    const firstCallMs = runs.ours[0].firstCallMs;
    const warmCallMs = median(runs.ours.slice(1).map((t) => t.firstCallMs));
    const load = loadavg().map((x) => x.toFixed(2)).join(' ');
    const pad = (x: string | number, n: number) => String(x).padStart(n);
    console.log(`\nSync vs the UNWIND floor (${nActors} actors, ${nBonds} bonds, batches of ${BATCH}; median of ${rounds} rounds, ours and floor alternated)`);
    console.log(`phase              ours/s   floor/s   ours/floor   target`);
    for (const r of rows) console.log(`${r.phase.padEnd(15)} ${pad(r.oursPerSec, 9)} ${pad(r.floorPerSec, 9)} ${pad(r.ratio.toFixed(2), 12)} ${pad(`≥ ${r.target}`, 8)}${r.ratio >= r.target ? '' : '   BELOW'}`);
    console.log(`first syncActors call of the fresh instance: ${firstCallMs.toFixed(0)} ms; the same call warm: ${Number.isFinite(warmCallMs) ? `${warmCallMs.toFixed(0)} ms (${(firstCallMs / warmCallMs).toFixed(2)}×, target ≤ 2×)` : 'n/a (one round)'}`);
    console.log(`stack start (Neo4j, migrations, server with its start-up planning): ${stackSecs.toFixed(1)} s; start-up planning: ${warmupMs.toFixed(0)} ms`);
    console.log(`load average (1, 5, 15 min): ${load}`);
    writeFileSync('bench/results/sync.json', JSON.stringify({ at: new Date().toISOString(), actors: nActors, bonds: nBonds, rounds, loadavg: loadavg(), phases: rows, firstCallMs, warmCallMs, runs }, null, 2));
  } finally {
    await stack.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

