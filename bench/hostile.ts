/**
 * 10,000+ seeded hostile requests against our API (in this process, on a fresh Neo4j with the
 * demo data): prints cases tried, answers by code, problems (target 0), whether the stored data
 * changed (target: no), and RSS at start and end.
 *   npx ts-node --transpile-only bench/hostile.ts [--cases 10000 --seed 1 --concurrency 16]
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { hostileCases, sendHostile } from '../test/helpers/hostile';
import { loadGraph } from '../src/seed/seed.service';
import { buildDemoGraph } from '../src/seed/demo-data';
import { createKey } from '../src/auth/key.service';
import { startBenchStack } from './stack';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { cases: { type: 'string', default: '10000' }, seed: { type: 'string', default: '1' }, concurrency: { type: 'string', default: '16' } } });
  const n = Number(values.cases);
  const stack = await startBenchStack();
  try {
    await loadGraph(stack.db, buildDemoGraph());
    const key = (await createKey(stack.db, 'EDITOR' as any, null, 'hostile')).secret;
    const partner = (await createKey(stack.db, 'PARTNER' as any, 'hostile', 'hostile partner')).secret;
    const snapshot = async () => {
      const s = stack.db.session('READ');
      const r = await s.run("MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() WITH nodes, count(r) AS rels MATCH (s:ChangeSequence {name: 'changes'}) RETURN nodes, rels, s.value AS version");
      await s.close();
      return JSON.stringify(r.records[0].toObject());
    };
    const before = await snapshot();
    global.gc?.();
    const rssStart = process.memoryUsage().rss;
    const byCode = new Map<string, number>();
    const byStatus = new Map<number, number>();
    const problems: string[] = [];
    const cases = hostileCases(n, Number(values.seed));
    const t0 = Date.now();
    let done = 0;
    const worker = async () => {
      for (let next = cases.next(); !next.done; next = cases.next()) {
        const c = next.value;
        const o = await sendHostile(stack.app.url, c, key, partner);
        done++;
        byStatus.set(o.status, (byStatus.get(o.status) ?? 0) + 1);
        for (const code of o.codes.length ? o.codes : ['(data, no error)']) byCode.set(code, (byCode.get(code) ?? 0) + 1);
        if (!o.ok) problems.push(`${c.kind}: ${o.problem}`);
        if (done % 2000 === 0) process.stderr.write(`  ${done}/${n} (${((Date.now() - t0) / 1000).toFixed(0)} s, RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB)\n`);
      }
    };
    await Promise.all(Array.from({ length: Number(values.concurrency) }, worker));
    global.gc?.();
    const rssEnd = process.memoryUsage().rss;
    const after = await snapshot();
    console.log(`\nHostile input: ${done} cases in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    console.log('HTTP status:', Object.fromEntries([...byStatus].sort((a, b) => a[0] - b[0])));
    console.log('answers by code:', Object.fromEntries([...byCode].sort((a, b) => b[1] - a[1])));
    console.log(`problems (5xx, unknown code, stack trace, no answer): ${problems.length}`);
    for (const p of problems.slice(0, 10)) console.log('  ' + p);
    console.log(`stored data unchanged: ${before === after}`);
    console.log(`process RSS: ${(rssStart / 2 ** 20).toFixed(0)} MB at start, ${(rssEnd / 2 ** 20).toFixed(0)} MB at end`);
    if (problems.length || before !== after) process.exitCode = 1;
  } finally {
    await stack.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
