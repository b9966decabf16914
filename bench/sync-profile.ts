/**
 * The plans of the sync's write statements, PROFILEd through the driver on 5,000 items (issue #17
 * §4): the read-only find (all a replay runs), the MERGE of creates; each operator with its rows
 * and db hits, Eager operators flagged, and the plan of
 * `sync/redact-many` on a feed of several thousand events (it must seek the feed by entity id,
 * not scan it). Every profiled write is rolled back.
 *   npx ts-node --transpile-only bench/sync-profile.ts [--actors 5000]
 */
import { parseArgs } from 'node:util';
import type { ProfiledPlan, Transaction } from 'neo4j-driver';
import { cypher } from '../src/db/cypher';
import { newId } from '../src/common/ids';
import { admitBatch, toParams } from '../src/model/entity';
import { ACTOR } from '../src/actors/actor.model';
import { startBenchStack } from './stack';

const SOURCE = 'bench';

function print(plan: ProfiledPlan, depth = 0): { dbHits: number; eager: number } {
  const args = plan.arguments as Record<string, unknown>;
  const detail = String(args.Details ?? '').slice(0, 110);
  console.log(`${'  '.repeat(depth)}${plan.operatorType.padEnd(Math.max(1, 34 - 2 * depth))} rows ${String(plan.rows).padStart(6)}  db hits ${String(plan.dbHits).padStart(7)}  ${detail}`);
  let dbHits = plan.dbHits;
  let eager = plan.operatorType.startsWith('Eager') ? 1 : 0;
  for (const c of plan.children) {
    const s = print(c, depth + 1);
    dbHits += s.dbHits;
    eager += s.eager;
  }
  return { dbHits, eager };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { actors: { type: 'string', default: '5000' } } });
  const n = Number(values.actors);
  const stack = await startBenchStack();
  try {
    const make = (from: number) =>
      Array.from({ length: n }, (_, i) => ({ externalId: `a${from + i}`, name: `Acteur ${from + i}`, kind: i % 4 === 0 ? 'PERSON' : 'ORGANIZATION', sector: 'ECONOMIC', territory: 'Artois', tags: ['bench'] }));
    const existing = make(0);
    const r = await stack.gql(`mutation($a: [ActorSyncInput!]!) { syncActors(source: "${SOURCE}", actors: $a) { created } }`, { a: existing });
    console.log(`stored ${r.syncActors.created} actors through syncActors (the feed now holds as many events)`);
    const itemsOf = (actors: ReturnType<typeof make>) => {
      const { values: admitted, problems } = admitBatch(ACTOR, actors, 'actors');
      if (problems.length) throw new Error(JSON.stringify(problems));
      return actors.map((a, i) => ({ i, externalId: a.externalId, id: newId('Actor'), props: toParams(ACTOR, admitted[i]) }));
    };
    const profile = async (title: string, name: string, params: Record<string, unknown>) => {
      const s = stack.db.session('WRITE');
      let tx: Transaction | null = null;
      try {
        tx = s.beginTransaction();
        const t0 = performance.now();
        const res = await tx.run(`PROFILE ${cypher(name)}`, params);
        const ms = performance.now() - t0;
        console.log(`\n== ${title}: ${name} (${ms.toFixed(0)} ms, ${res.records.length} rows back)`);
        const { dbHits, eager } = print(res.summary.profile as ProfiledPlan);
        console.log(`total db hits ${dbHits}; Eager operators: ${eager}`);
      } finally {
        await tx?.rollback();
        await s.close();
      }
    };
    await profile('replay (all unchanged): the read-only find, all a replay runs', 'sync/actors-find', { source: SOURCE, items: itemsOf(existing) });
    await profile('creates: the find first (nothing found)', 'sync/actors-find', { source: SOURCE, items: itemsOf(make(n)) });
    await profile('creates', 'sync/actors', { source: SOURCE, items: itemsOf(make(n)) });
    const s = stack.db.session('READ');
    const persons = (await s.run(`MATCH (a:Actor {source: $source, kind: 'PERSON'}) RETURN a.id AS id LIMIT 300`, { source: SOURCE })).records.map((x) => x.get('id'));
    const feed = (await s.run('MATCH (c:Change) RETURN count(c) AS n')).records[0].get('n');
    await s.close();
    await profile(`redaction of ${persons.length} persons on a feed of ${feed} events`, 'sync/redact-many', { ids: persons });
    await profile(`redaction of one person on a feed of ${feed} events`, 'changes/redact', { id: persons[0] });
  } finally {
    await stack.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
