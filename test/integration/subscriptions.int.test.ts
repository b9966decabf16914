import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { startTestApp, type TestApp } from '../helpers/app';
import { waitFor } from '../helpers/receiver';

const SUB = `subscription($after: String, $source: String) { changes(after: $after, source: $source) { seq cursor entity entityId op source payload } }`;

/** A graphql-ws client of the test app with a key (no automatic reconnects: the tests do it). */
function client(t: TestApp, key?: string): Client {
  return createClient({ url: t.app.url.replace('http://', 'ws://'), webSocketImpl: WebSocket, connectionParams: key ? { authorization: `Bearer ${key}` } : {}, retryAttempts: 0, lazy: false });
}

/** Subscribes and collects what comes: events, the error, or the completion. */
function collect(c: Client, variables: Record<string, unknown>, query = SUB) {
  const got = { events: [] as any[], errors: null as any, done: false };
  const stop = c.subscribe({ query, variables }, {
    next: (r: any) => (r.errors ? (got.errors = r.errors) : got.events.push(r.data.changes)),
    error: (e: any) => (got.errors = Array.isArray(e) ? e : e),
    complete: () => (got.done = true),
  });
  return { got, stop };
}

describe('Subscription.changes over graphql-ws', () => {
  let t: TestApp;
  let editor: string;
  let batch = 0;
  const write = async (source: string, n: number) => {
    batch++;
    const actors = Array.from({ length: n }, (_, i) => ({ externalId: `${source}-${batch}-${i}`, name: `Live ${batch}.${i}`, kind: 'PERSON', sector: 'CITIZENS', phone: '+33 6 00 00 00 00' }));
    const res = await t.gql(`mutation($s: String!, $a: [ActorSyncInput!]!) { syncActors(source: $s, actors: $a) { created } }`, { s: source, a: actors }, editor);
    expect(res.errors).toBeUndefined();
  };
  const feed = async (source?: string) => ((await t.gql(`query($s: String) { changes(first: 1000, source: $s) { edges { node { seq } } } }`, { s: source }, editor)).data.changes.edges as any[]).map((e) => e.node.seq);

  beforeAll(async () => {
    t = await startTestApp({ env: { CHANGES_POLL_INTERVAL_MS: '50', WS_MAX_CONNECTIONS_PER_KEY: '2', WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: '1', WEBHOOK_DELIVERY: 'false' } });
    editor = await t.key('EDITOR');
  });
  afterAll(() => t.stop());

  it('streams live events in feed order, and resumes from the last cursor after a reconnect without a gap or a repeat', async () => {
    await write('live', 3); // before the cursor: not sent
    const start = (await t.gql(`{ changes(first: 1000) { pageInfo { endCursor } } }`, {}, editor)).data.changes.pageInfo.endCursor;
    const c1 = client(t, editor);
    const s1 = collect(c1, { source: 'live', after: start });
    await write('live', 4);
    await write('other', 2);
    await write('live', 5);
    await waitFor(() => s1.got.events.length >= 9, 10_000, 'live events');
    expect(s1.got.errors).toBeNull();
    const all = await feed('live');
    expect(s1.got.events.map((e) => e.seq)).toEqual(all.slice(3));
    expect(JSON.stringify(s1.got.events)).not.toContain('+33 6');
    const last = s1.got.events.at(-1).cursor;
    await c1.dispose();

    await write('live', 6); // while disconnected
    const c2 = client(t, editor);
    const s2 = collect(c2, { source: 'live', after: last });
    await waitFor(() => s2.got.events.length >= 6, 10_000, 'the missed events');
    await write('live', 2);
    await waitFor(() => s2.got.events.length >= 8, 10_000, 'new events after the catch-up');
    expect(s2.got.events.map((e) => e.seq)).toEqual((await feed('live')).slice(12));
    await c2.dispose();
  });

  it('has the access rules of Query.changes and answers errors with codes', async () => {
    const partner = await t.key('PARTNER', 'live');
    const c = client(t, partner);
    const other = collect(c, { source: 'other' });
    await waitFor(() => other.got.errors, 5_000, 'the refusal');
    expect(other.got.errors[0].extensions.code).toBe('FORBIDDEN');
    const own = collect(c, { after: null });
    await new Promise((r) => setTimeout(r, 200));
    await write('other', 1);
    await write('live', 1);
    await waitFor(() => own.got.events.length >= 1, 5_000, 'the partner\'s own event');
    expect(own.got.events.every((e) => e.source === 'live')).toBe(true);
    own.stop();
    await c.dispose();

    const anon = client(t);
    const a = collect(anon, {});
    await waitFor(() => a.got.errors, 5_000, 'UNAUTHENTICATED');
    expect(a.got.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    await anon.dispose();

    const viewer = client(t, await t.key('VIEWER'));
    const v = collect(viewer, {});
    await waitFor(() => v.got.errors, 5_000, 'FORBIDDEN');
    expect(v.got.errors[0].extensions.code).toBe('FORBIDDEN');
    const q = collect(viewer, {}, `{ operations { code } }`);
    await waitFor(() => q.got.errors, 5_000, 'the query refused');
    expect(q.got.errors[0].message).toMatch(/only subscriptions are served/);
    await viewer.dispose();

    const ed = client(t, editor);
    const badCursor = collect(ed, { after: 'nope' });
    await waitFor(() => badCursor.got.errors, 5_000, 'BAD_USER_INPUT');
    expect(badCursor.got.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    await ed.dispose();
  });

  it('bounds connections per key and subscriptions per connection, and applies the query limits', async () => {
    const key = await t.key('ANALYST');
    const closes: Array<{ code: number; reason: string }> = [];
    const open = (k: string) => new Promise<WebSocket>((resolve) => {
      const ws = new WebSocket(t.app.url.replace('http://', 'ws://'), 'graphql-transport-ws');
      ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${k}` } })));
      ws.on('message', (m) => { if (JSON.parse(String(m)).type === 'connection_ack') resolve(ws); });
      ws.on('close', (code, reason) => { closes.push({ code, reason: String(reason) }); resolve(ws); });
    });
    const [w1, w2] = [await open(key), await open(key)];
    const w3 = await open(key);
    expect(closes).toEqual([{ code: 4429, reason: expect.stringMatching(/WS_MAX_CONNECTIONS_PER_KEY/) }]);
    const replies: any[] = [];
    w1.on('message', (m) => replies.push(JSON.parse(String(m))));
    w1.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: SUB, variables: {} } }));
    w1.send(JSON.stringify({ id: '2', type: 'subscribe', payload: { query: SUB, variables: {} } }));
    await waitFor(() => replies.find((r) => r.id === '2'), 5_000, 'the second subscription refused');
    expect(replies.find((r) => r.id === '2')).toMatchObject({ type: 'error', payload: [{ extensions: { code: 'QUERY_TOO_COMPLEX' } }] });
    const deep = `subscription { changes { ${Array.from({ length: 31 }, (_, i) => `a${i}: seq`).join(' ')} } }`;
    w2.on('message', (m) => replies.push(JSON.parse(String(m))));
    w2.send(JSON.stringify({ id: '3', type: 'subscribe', payload: { query: deep } }));
    await waitFor(() => replies.find((r) => r.id === '3'), 5_000, 'the limits');
    expect(replies.find((r) => r.id === '3')).toMatchObject({ type: 'error', payload: [{ message: expect.stringMatching(/MAX_ALIASES/), extensions: { code: 'QUERY_TOO_COMPLEX' } }] });
    for (const w of [w1, w2, w3]) w.close();
    const bad = await new Promise<{ code: number; reason: string }>((resolve) => {
      const ws = new WebSocket(t.app.url.replace('http://', 'ws://'), 'graphql-transport-ws');
      ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: 'Bearer not-a-key' } })));
      ws.on('close', (code, reason) => resolve({ code, reason: String(reason) }));
    });
    expect(bad.code).toBe(4401);
    // Over HTTP, subscriptions stay refused.
    const http = await t.gql(SUB, {}, editor);
    expect(http.errors![0].message).toMatch(/Subscriptions are not served over HTTP POST: open a graphql-ws connection/);
  });
});
