/**
 * Push latency: the delay from a write's commit (its mutation answered) to the receipt of its change
 * by a webhook receiver and by a graphql-ws subscriber, under a steady write load, all on 127.0.0.1.
 * Bounded in count and time. Settings come from the environment (WEBHOOK_POLL_INTERVAL_MS,
 * CHANGES_POLL_INTERVAL_MS, ...; the defaults otherwise).
 *   npx ts-node --transpile-only bench/push.ts [--rate 20 --seconds 30 --max 600]
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { startBenchStack } from './stack';

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rate: { type: 'string', default: '20' }, seconds: { type: 'string', default: '30' }, max: { type: 'string', default: '600' } } });
  const rate = Number(values.rate);
  const seconds = Number(values.seconds);
  const max = Number(values.max);
  const stack = await startBenchStack();
  const webhookAt = new Map<string, number>();
  const subscriptionAt = new Map<string, number>();
  const receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const now = performance.now();
      for (const e of JSON.parse(Buffer.concat(chunks).toString()).events) if (!webhookAt.has(e.entityId)) webhookAt.set(e.entityId, now);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  try {
    await stack.gql(`mutation($u: String!) { createWebhook(url: $u, source: "push") { id } }`, { u: url });
    const client = createClient({ url: stack.app.url.replace('http://', 'ws://'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${stack.adminKey}` } });
    client.subscribe({ query: 'subscription { changes(source: "push") { entityId } }' }, {
      next: (r: any) => { if (!subscriptionAt.has(r.data.changes.entityId)) subscriptionAt.set(r.data.changes.entityId, performance.now()); },
      error: (e) => console.error('subscription error', e),
      complete: () => undefined,
    });
    await new Promise((r) => setTimeout(r, 1000));
    // Warm-up: the first writes plan the queries on a cold Neo4j.
    for (let i = 0; i < 20; i++) await stack.gql(`mutation($i: CreateActorInput!) { createActor(input: $i) { id } }`, { i: { name: `warm ${i}`, kind: 'ORGANIZATION', sector: 'ECONOMIC', source: 'warm' } });

    const committedAt = new Map<string, number>();
    const t0 = performance.now();
    let sent = 0;
    const writes: Promise<void>[] = [];
    while (sent < max && performance.now() - t0 < seconds * 1000) {
      const due = t0 + (sent * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const i = sent++;
      writes.push(stack.gql(`mutation($i: CreateActorInput!) { createActor(input: $i) { id } }`, { i: { name: `push ${i}`, kind: 'ORGANIZATION', sector: 'ECONOMIC', source: 'push', externalId: `p${i}` } }).then((d) => {
        committedAt.set(d.createActor.id, performance.now());
      }));
    }
    await Promise.all(writes);
    const deadline = performance.now() + 30_000;
    while ((webhookAt.size < committedAt.size || subscriptionAt.size < committedAt.size) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await client.dispose();
    const delays = (at: Map<string, number>) => [...committedAt].filter(([id]) => at.has(id)).map(([id, c]) => at.get(id)! - c);
    const report = (name: string, at: Map<string, number>) => {
      const d = delays(at);
      console.log(`${name.padEnd(13)} received ${String(d.length).padStart(4)}/${committedAt.size}  p50 ${pct(d, 50).toFixed(1)} ms  p99 ${pct(d, 99).toFixed(1)} ms  max ${Math.max(...d).toFixed(1)} ms`);
    };
    console.log(`${committedAt.size} writes (createActor) at ${rate}/s over ${((performance.now() - t0) / 1000).toFixed(1)} s; delay from the mutation's answer to receipt:`);
    report('webhook', webhookAt);
    report('subscription', subscriptionAt);
    console.log(`settings: WEBHOOK_POLL_INTERVAL_MS=${process.env.WEBHOOK_POLL_INTERVAL_MS ?? '500 (default)'}, CHANGES_POLL_INTERVAL_MS=${process.env.CHANGES_POLL_INTERVAL_MS ?? '250 (default)'}, WEBHOOK_BATCH_SIZE=${process.env.WEBHOOK_BATCH_SIZE ?? '100 (default)'}`);
  } finally {
    receiver.close();
    await stack.stop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
