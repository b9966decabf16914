import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../helpers/app';
import { freePort } from '../helpers/ports';
import { Receiver, waitFor, type Received } from '../helpers/receiver';
import { loadConfig } from '../../src/config';
import { startServer, type RunningApp } from '../../src/server';

/** Delivery settings small enough for tests: quick polls and retries, batches of 5, pause after 4 failures. */
const DELIVERY = { WEBHOOK_POLL_INTERVAL_MS: '100', WEBHOOK_RETRY_BASE_MS: '200', WEBHOOK_RETRY_MAX_MS: '800', WEBHOOK_TIMEOUT_MS: '1000', WEBHOOK_LEASE_MS: '3000', WEBHOOK_BATCH_SIZE: '5', WEBHOOK_MAX_ATTEMPTS: '4' };

/** The README's verification example, as a partner would write it. */
function verify(rawBody: string, signatureHeader: string | undefined, secret: string): boolean {
  const expected = 'sha256=' + createHmac('sha256', secret).update(rawBody).digest('hex');
  return signatureHeader !== undefined && signatureHeader.length === expected.length && timingSafeEqual(Buffer.from(signatureHeader), Buffer.from(expected));
}

const CREATE = `mutation($url: String!, $source: String) { createWebhook(url: $url, source: $source) { id url source secret active state lastDeliveredSeq } }`;
const STATE = `query($id: ID!) { webhook(id: $id) { id state active secret consecutiveFailures lastError lastDeliveredSeq deliveredEvents nextAttemptAt pausedAt } }`;
const FEED = `query($after: String, $source: String) { changes(after: $after, first: 1000, source: $source) { edges { node { seq cursor at entity entityId op source externalId version payload } } } }`;

/**
 * Checks what a receiver got against the feed of a source: every body signed and well formed, every
 * event in order; with `strict`, each body starts right after what the receiver acknowledged (a
 * refused batch comes again, nothing later before it); otherwise (an instance died between a 2xx and
 * its record) a body may also repeat acknowledged events, as a redelivery of the same seqs.
 */
function checkDeliveries(received: Received[], expected: number[], secret: string, webhookId: string, strict: boolean): void {
  let acked = 0; // index in `expected` of the first event not acknowledged yet
  let seenUpTo = 0;
  for (const r of received) {
    expect(r.headers['content-type']).toBe('application/json');
    expect(r.headers['x-agencement-delivery']).toMatch(/^[0-9a-f-]{36}$/);
    expect(verify(r.raw, r.headers['x-agencement-signature'] as string, secret)).toBe(true);
    expect(r.body.webhook).toBe(webhookId);
    const seqs = r.body.events.map((e) => e.seq);
    expect(seqs.length).toBeGreaterThan(0);
    const start = expected.indexOf(seqs[0]);
    expect(start).toBeGreaterThanOrEqual(0);
    // A contiguous run of the source's feed...
    expect(seqs).toEqual(expected.slice(start, start + seqs.length));
    // ...that starts where the receiver stands (or earlier, as a redelivery).
    if (strict) expect(start).toBe(acked);
    else expect(start).toBeLessThanOrEqual(acked);
    if (seqs[0] <= seenUpTo) expect(seqs[0]).toBeGreaterThan(0); // a redelivery: seqs already seen
    seenUpTo = Math.max(seenUpTo, seqs.at(-1)!);
    if (typeof r.status === 'number' && r.status < 300) acked = Math.max(acked, start + seqs.length);
  }
  expect(acked).toBe(expected.length);
}

describe('webhooks', () => {
  let t: TestApp;
  let editor: string;
  const receivers: Receiver[] = [];
  const receiver = async () => {
    const r = await new Receiver().start();
    receivers.push(r);
    return r;
  };

  beforeAll(async () => {
    t = await startTestApp({ env: DELIVERY });
    editor = await t.key('EDITOR');
  });
  afterAll(async () => {
    await t.stop();
    for (const r of receivers) await r.stop();
  });

  let batchNo = 0;
  /** Writes `n` actors of `source` in one sync (n events in one transaction). */
  const write = async (source: string, n: number) => {
    batchNo++;
    const actors = Array.from({ length: n }, (_, i) => ({ externalId: `${source}-${batchNo}-${i}`, name: `Actor ${batchNo}.${i}`, kind: 'PERSON', sector: 'CITIZENS', email: 'secret@example.org' }));
    const res = await t.gql(`mutation($s: String!, $a: [ActorSyncInput!]!) { syncActors(source: $s, actors: $a) { created } }`, { s: source, a: actors }, editor);
    expect(res.errors).toBeUndefined();
  };
  const feedSeqs = async (source: string) => ((await t.gql(FEED, { source }, editor)).data.changes.edges as any[]).map((e) => e.node);
  const state = async (id: string) => (await t.gql(STATE, { id }, editor)).data.webhook;
  const create = async (url: string, source: string) => {
    const res = await t.gql(CREATE, { url, source }, editor);
    expect(res.errors).toBeUndefined();
    return res.data.createWebhook as { id: string; secret: string; lastDeliveredSeq: string };
  };
  const caughtUp = (r: Receiver, n: number) => () => r.acknowledgedSeqs().length >= n;

  it('shows the secret once, lists webhooks with their state, and refuses bad URLs and other sources', async () => {
    const r = await receiver();
    const created = await t.gql(CREATE, { url: r.url, source: 'alpha' }, editor);
    const hook = created.data.createWebhook;
    expect(hook).toMatchObject({ url: r.url, source: 'alpha', active: true, state: 'ACTIVE', lastDeliveredSeq: '0' });
    expect(hook.secret).toMatch(/^whsec_[\w-]{43}$/);
    const listed = await t.gql(`{ webhooks { id secret state } }`, {}, editor);
    expect(listed.data.webhooks).toEqual([{ id: hook.id, secret: null, state: 'ACTIVE' }]);
    expect((await state(hook.id)).secret).toBeNull();

    const bad = await t.gql(CREATE, { url: 'ftp://127.0.0.1/x' }, editor);
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    expect(bad.errors![0].message).toMatch(/http:\/\/ or https:\/\//);

    const future = await t.gql(`mutation($u: String!, $a: String) { createWebhook(url: $u, after: $a) { id } }`, { u: r.url, a: Buffer.from('chg:999999').toString('base64url') }, editor);
    expect(future.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const partner = await t.key('PARTNER', 'alpha');
    const other = await t.gql(CREATE, { url: r.url, source: 'beta' }, partner);
    expect(other.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(other.errors![0].message).toMatch(/only subscribe to source "alpha"/);
    const own = await t.gql(CREATE, { url: r.url }, partner);
    expect(own.data.createWebhook.source).toBe('alpha');
    // The PARTNER sees its source's webhooks only; nothing was stored for "beta".
    const seen = await t.gql(`{ webhooks { id source } }`, {}, partner);
    expect(seen.data.webhooks.map((w: any) => w.source)).toEqual(['alpha', 'alpha']);
    const [row] = await t.db.executor().read('webhooks/list', { source: 'beta' });
    expect(row).toBeUndefined();
    const analyst = await t.key('ANALYST');
    expect((await t.gql(`{ webhooks { id } }`, {}, analyst)).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(`mutation($id: ID!) { deleteWebhook(id: $id) { id } }`, { id: 'whk_nope' }, editor)).errors![0].extensions!.code).toBe('NOT_FOUND');
    for (const w of (await t.gql(`{ webhooks { id } }`, {}, editor)).data.webhooks) {
      expect((await t.gql(`mutation($id: ID!) { deleteWebhook(id: $id) { id deleted } }`, { id: w.id }, editor)).data.deleteWebhook.deleted).toBe(true);
    }
    expect((await t.gql(`{ webhooks { id } }`, {}, editor)).data.webhooks).toEqual([]);
  });

  it('restricts target hosts with WEBHOOK_ALLOWED_HOSTS', async () => {
    const config = loadConfig({ ...process.env, ...DELIVERY, NODE_ENV: 'test', LOG_LEVEL: 'silent', HOST: '127.0.0.1', WEBHOOK_DELIVERY: 'false', WEBHOOK_ALLOWED_HOSTS: 'hooks.example.org,*.partner.example' });
    const strict = await startServer({ config, db: t.db }, 0);
    const gql = async (variables: object) => (await (await fetch(strict.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${editor}` }, body: JSON.stringify({ query: CREATE, variables }) })).json()) as any;
    try {
      const refused = await gql({ url: 'http://127.0.0.1:9/x' });
      expect(refused.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
      expect(refused.errors[0].message).toMatch(/"127.0.0.1" is not allowed by this server \(WEBHOOK_ALLOWED_HOSTS/);
      expect((await gql({ url: 'http://evil.example/?x=hooks.example.org' })).errors[0].extensions.code).toBe('BAD_USER_INPUT');
      const ok = [(await gql({ url: 'https://a.partner.example/in' })).data.createWebhook, (await gql({ url: 'https://hooks.example.org/in' })).data.createWebhook];
      expect(ok.map((w) => w.url)).toEqual(['https://a.partner.example/in', 'https://hooks.example.org/in']);
      for (const w of ok) await t.gql(`mutation($id: ID!) { deleteWebhook(id: $id) { id } }`, { id: w.id }, editor);
    } finally {
      await strict.stop();
    }
  });

  it('delivers every event in feed order, signed, and retries a receiver that refuses the first attempts with backoff', async () => {
    const r = await receiver();
    r.behaviour = (n) => (n < 3 ? 503 : 200);
    const hook = await create(r.url, 'gamma');
    // The state as a client polling `webhook` sees it, from the start (the retries take under 2 s).
    const seen: any[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        seen.push(await state(hook.id));
        await new Promise((res) => setTimeout(res, 20));
      }
    })();
    await write('gamma', 12);
    await write('delta', 4); // another source: never sent to this webhook
    await write('gamma', 3);
    const feed = await feedSeqs('gamma');
    expect(feed).toHaveLength(15);
    await waitFor(caughtUp(r, 15), 20_000, 'every event');
    polling = false;
    await poller;
    const during = seen.find((x) => x.consecutiveFailures > 0);
    expect(during).toMatchObject({ state: 'RETRYING', lastError: 'HTTP 503 Service Unavailable' });
    expect(during.nextAttemptAt).not.toBeNull();
    checkDeliveries(r.received, feed.map((e: any) => e.seq), hook.secret, hook.id, true);
    // The three refused attempts carried the same first batch; the gaps grow (exponential backoff, base 200 ms, half jittered).
    expect(r.received.slice(0, 4).map((x) => x.raw)).toEqual(Array(4).fill(r.received[0].raw));
    const gaps = [1, 2, 3].map((i) => r.received[i].at - r.received[i - 1].at);
    expect(gaps[0]).toBeGreaterThanOrEqual(100);
    expect(gaps[1]).toBeGreaterThanOrEqual(200);
    expect(gaps[2]).toBeGreaterThanOrEqual(400);
    // Events as Query.changes serves them, without personal data.
    const firstEvent = r.received[0].body.events[0];
    expect(firstEvent).toEqual(JSON.parse(JSON.stringify(feed[0])));
    expect(JSON.stringify(r.events())).not.toContain('secret@example.org');
    const after = await waitFor(async () => { const s = await state(hook.id); return s.state === 'ACTIVE' && Number(s.lastDeliveredSeq) >= feed.at(-1).seq ? s : null; }, 5_000, 'the state to settle');
    expect(after).toMatchObject({ consecutiveFailures: 0, lastError: null, deliveredEvents: 15, nextAttemptAt: null });

    const metrics = await (await fetch(t.app.url.replace('/graphql', '/metrics'))).text();
    expect(metrics).toMatch(/agencement_webhook_attempts_total\{outcome="error"\} 3/);
    expect(metrics).toMatch(new RegExp(`agencement_webhook_behind_events\\{webhook="${hook.id}"\\} 0`));
    await t.gql(`mutation($id: ID!) { deleteWebhook(id: $id) { id } }`, { id: hook.id }, editor);
  });

  it('pauses after WEBHOOK_MAX_ATTEMPTS failures in a row, sends nothing more, and resumes where it stopped', async () => {
    const r = await receiver();
    r.behaviour = () => 500;
    const hook = await create(r.url, 'epsilon');
    await write('epsilon', 7);
    const paused = await waitFor(async () => { const s = await state(hook.id); return s.state === 'PAUSED' ? s : null; }, 20_000, 'the pause');
    expect(paused).toMatchObject({ active: false, consecutiveFailures: 4, lastError: 'HTTP 500 Internal Server Error', lastDeliveredSeq: hook.lastDeliveredSeq });
    expect(paused.pausedAt).not.toBeNull();
    expect(r.received).toHaveLength(4);
    await new Promise((res) => setTimeout(res, 1500));
    expect(r.received).toHaveLength(4);
    const metrics = await (await fetch(t.app.url.replace('/graphql', '/metrics'))).text();
    expect(metrics).toMatch(/agencement_webhooks\{state="paused"\} 1/);

    r.behaviour = () => 204;
    const resumed = await t.gql(`mutation($id: ID!) { resumeWebhook(id: $id) { state consecutiveFailures } }`, { id: hook.id }, editor);
    expect(resumed.data.resumeWebhook).toEqual({ state: 'ACTIVE', consecutiveFailures: 0 });
    await waitFor(caughtUp(r, 7), 10_000, 'delivery after resume');
    checkDeliveries(r.received, (await feedSeqs('epsilon')).map((e: any) => e.seq), hook.secret, hook.id, true);
    await t.gql(`mutation($id: ID!) { deleteWebhook(id: $id) { id } }`, { id: hook.id }, editor);
  });

  it('keeps order when the receiver stops mid-stream, times out, and comes back on its port', async () => {
    const r = await receiver();
    r.behaviour = (n) => (n === 1 ? 'hang' : 200); // the second request gets no answer: a timeout
    const hook = await create(r.url, 'zeta');
    await write('zeta', 6);
    await waitFor(() => r.received.length >= 2, 10_000, 'the hanging request');
    await waitFor(async () => (await state(hook.id)).lastError?.includes('no answer within 1000 ms'), 5_000, 'the timeout');
    await r.stop();
    await write('zeta', 9);
    await waitFor(async () => /could not reach/.test((await state(hook.id)).lastError ?? ''), 10_000, 'a refused connection');
    await r.start();
    await write('zeta', 2);
    await waitFor(caughtUp(r, 17), 20_000, 'every event after the restart');
    checkDeliveries(r.received, (await feedSeqs('zeta')).map((e: any) => e.seq), hook.secret, hook.id, true);
    await t.gql(`mutation($id: ID!) { deleteWebhook(id: $id) { id } }`, { id: hook.id }, editor);
  });

  it('survives an API instance killed mid-delivery: another takes over when its lease expires, same events, same order', async () => {
    const r = await receiver();
    let hangAt = -1;
    r.behaviour = (n) => (n === hangAt ? 'hang' : 200);
    // This suite's app stops delivering; instance A (its own process) delivers, then B.
    await t.app.webhooks.stop();
    const hook = await create(r.url, 'eta');
    const port = await freePort();
    const a: ChildProcess = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
      cwd: join(__dirname, '..', '..'),
      env: { ...process.env, ...DELIVERY, PORT: String(port), HOST: '127.0.0.1', AGENCEMENT_SEED_DEMO: 'never', LOG_LEVEL: 'silent', NODE_ENV: 'production', SHUTDOWN_DELAY_MS: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    a.stdout!.on('data', (d) => (out += d));
    a.stderr!.on('data', (d) => (out += d));
    let b: RunningApp | null = null;
    try {
      await waitFor(() => out.includes('Agencement ready') || a.exitCode !== null, 90_000, 'instance A');
      expect(a.exitCode).toBeNull();
      await write('eta', 10);
      await waitFor(caughtUp(r, 10), 15_000, 'A to deliver the first events');
      hangAt = r.received.length; // the next request stays unanswered...
      await write('eta', 12);
      await waitFor(() => r.received.length > hangAt, 10_000, 'A to send the next batch');
      // ...while B starts (the lease is A's, so B waits), and A dies with the batch in flight.
      b = await startServer({ config: loadConfig({ ...process.env, ...DELIVERY, NODE_ENV: 'test', LOG_LEVEL: 'silent', HOST: '127.0.0.1' }), db: t.db }, 0);
      await new Promise((res) => setTimeout(res, 500));
      expect(r.received.length).toBe(hangAt + 1);
      a.kill('SIGKILL');
      const killedAt = Date.now();
      await waitFor(caughtUp(r, 22), 20_000, 'B to take over');
      const retakeAt = r.received.find((x, i) => i > hangAt)!.at;
      expect(retakeAt - killedAt).toBeGreaterThan(1000); // not before A's lease expired
      await write('eta', 3);
      await waitFor(caughtUp(r, 25), 10_000, 'B to deliver new events');
      const expected = (await feedSeqs('eta')).map((e: any) => e.seq);
      checkDeliveries(r.received, expected, hook.secret, hook.id, false);
      // The batch A left unanswered came again, whole, from B.
      expect(r.received[hangAt + 1].body.events.map((e) => e.seq)).toEqual(r.received[hangAt].body.events.map((e) => e.seq));
      const s = await state(hook.id);
      expect(Number(s.lastDeliveredSeq)).toBe(expected.at(-1));
    } finally {
      a.kill('SIGKILL');
      await b?.stop();
    }
  }, 180_000);
});
