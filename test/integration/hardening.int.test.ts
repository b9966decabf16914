import { createHmac } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { startTestApp, type TestApp } from '../helpers/app';

/** Issue #13: metrics, JWT claims and slow clients, against the real server over HTTP. */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A raw TCP client on 127.0.0.1: what it received, and when the server closed it (ms after `opened`). */
function rawClient(port: number) {
  const socket = connect(port, '127.0.0.1');
  const state = { received: '', closedAt: -1, opened: Date.now(), socket };
  socket.on('data', (d) => (state.received += d.toString('latin1')));
  socket.on('error', () => undefined);
  socket.on('close', () => (state.closedAt = Date.now() - state.opened));
  const connected = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return { state, connected };
}

/** Writes one byte of `text` every `everyMs` until the socket closes or `maxMs` passes; resolves when closed (or not). */
async function trickle(socket: Socket, text: string, everyMs: number, maxMs: number): Promise<void> {
  const t0 = Date.now();
  for (let i = 0; !socket.destroyed && Date.now() - t0 < maxMs; i++) {
    socket.write(text[i % text.length]);
    await sleep(everyMs);
  }
}

describe('slow clients and /metrics (small timeouts, a metrics token, 5 labelled operations)', () => {
  let t: TestApp;
  const TOKEN = 'metrics-token-0123456789';
  beforeAll(async () => {
    t = await startTestApp({ env: { HTTP_HEADERS_TIMEOUT_MS: '2000', HTTP_REQUEST_TIMEOUT_MS: '3000', HTTP_KEEPALIVE_TIMEOUT_MS: '1000', HTTP_MAX_CONNECTIONS: '4', METRICS_MAX_OPERATIONS: '5', METRICS_TOKEN: TOKEN } });
  });
  afterAll(() => t.stop());

  it('cuts a request body trickled one byte at a time at HTTP_REQUEST_TIMEOUT_MS, with 408', async () => {
    const c = rawClient(t.app.port);
    await c.connected;
    c.state.socket.write(`POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n`);
    await trickle(c.state.socket, '{"query":"{ operations { id } }"                 ', 500, 15_000);
    expect(c.state.received).toMatch(/^HTTP\/1\.1 408/);
    expect(c.state.closedAt).toBeGreaterThanOrEqual(2500);
    expect(c.state.closedAt).toBeLessThan(3000 + 3000); // the limit, plus the once-a-second check and a busy machine's slack
  });

  it('cuts headers trickled one byte at a time at HTTP_HEADERS_TIMEOUT_MS', async () => {
    const c = rawClient(t.app.port);
    await c.connected;
    await trickle(c.state.socket, 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ' + 'a'.repeat(200), 300, 15_000);
    expect(c.state.received).toMatch(/^HTTP\/1\.1 408/);
    expect(c.state.closedAt).toBeGreaterThanOrEqual(1500);
    expect(c.state.closedAt).toBeLessThan(2000 + 3000);
  });

  it('closes an idle keep-alive connection after HTTP_KEEPALIVE_TIMEOUT_MS', async () => {
    const c = rawClient(t.app.port);
    await c.connected;
    c.state.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n');
    const t0 = Date.now();
    while (c.state.closedAt < 0 && Date.now() - t0 < 10_000) await sleep(50);
    expect(c.state.received).toMatch(/^HTTP\/1\.1 200/);
    expect(c.state.closedAt).toBeGreaterThanOrEqual(900);
    expect(c.state.closedAt).toBeLessThan(1000 + 3000);
  });

  it('refuses connections past HTTP_MAX_CONNECTIONS and serves again once they close', async () => {
    await sleep(1500); // the test's own keep-alive connections (fetch) have been closed by now
    const held = Array.from({ length: 4 }, () => rawClient(t.app.port));
    await Promise.all(held.map((h) => h.connected));
    const extra = rawClient(t.app.port);
    const t0 = Date.now();
    while (extra.state.closedAt < 0 && Date.now() - t0 < 1500) await sleep(20);
    expect(extra.state.closedAt).toBeGreaterThanOrEqual(0);
    expect(extra.state.received).toBe('');
    expect(held.map((h) => h.state.closedAt)).toEqual([-1, -1, -1, -1]);
    for (const h of held) h.state.socket.destroy();
    await sleep(200);
    expect((await t.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
  });

  it('labels at most METRICS_MAX_OPERATIONS operation names, the rest as other', async () => {
    for (let i = 0; i < 30; i++) await t.gql(`query Op${i} { __typename }`);
    await t.gql(`query ${'L'.repeat(65)} { __typename }`);
    await t.gql('{ __typename }');
    const res = await fetch(t.app.metricsUrl, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    const labels = new Set([...text.matchAll(/^agencement_graphql_requests_total\{operation="([^"]*)"/gm)].map((m) => m[1]));
    expect([...labels].sort()).toEqual(['Op0', 'Op1', 'Op2', 'Op3', 'Op4', 'anonymous', 'other']);
    expect(text).toMatch(/agencement_graphql_requests_total\{operation="other",outcome="ok"\} 26/);
  });

  it('answers /metrics only with the METRICS_TOKEN', async () => {
    for (const authorization of [undefined, 'Bearer wrong', `Bearer ${TOKEN}x`, TOKEN]) {
      const res = await fetch(t.app.metricsUrl, { headers: authorization ? { authorization } : {} });
      expect(res.status).toBe(401);
      const body = (await res.json()) as any;
      expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(body.errors[0].message).toContain('METRICS_TOKEN');
    }
  });
});

describe('/metrics on METRICS_PORT, and JWT claims', () => {
  let t: TestApp;
  const SECRET = 'j'.repeat(40);
  const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const sign = (claims: object) => {
    const h = enc({ alg: 'HS256', typ: 'JWT' });
    const p = enc(claims);
    return `${h}.${p}.${createHmac('sha256', SECRET).update(`${h}.${p}`).digest('base64url')}`;
  };
  beforeAll(async () => {
    t = await startTestApp({ env: { METRICS_PORT: '0', AUTH_JWT_SECRET: SECRET } });
  });
  afterAll(() => t.stop());

  it('serves /metrics on its own port of 127.0.0.1 and not on the API port', async () => {
    expect(t.app.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(t.app.metricsUrl).not.toContain(`:${t.app.port}/`);
    const res = await fetch(t.app.metricsUrl);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/agencement_process_resident_memory_bytes/);
    expect((await fetch(t.app.url.replace('/graphql', '/metrics'))).status).toBe(404);
    expect((await fetch(t.app.metricsUrl.replace('/metrics', '/graphql'))).status).toBe(404);
  });

  it('refuses JWTs that never expire and PARTNER JWTs with an invalid source; writes nothing', async () => {
    const sync = (source: string, token: string) => t.gql(`mutation($s: String!) { syncActors(source: $s, actors: [{ externalId: "j1", name: "J", kind: ORGANIZATION, sector: ECONOMIC }]) { created } }`, { s: source }, token);
    const exp = Math.floor(Date.now() / 1000) + 600;
    const refused = [
      sync('', sign({ role: 'PARTNER', source: '', exp })),
      sync('Not A Source!', sign({ role: 'PARTNER', source: 'Not A Source!', exp })),
      sync('jwt', sign({ role: 'PARTNER', source: 'jwt', exp: String(exp - 10_000) })),
      sync('jwt', sign({ role: 'PARTNER', source: 'jwt', exp: null })),
      sync('jwt', sign({ role: 'PARTNER', source: 'jwt' })),
    ];
    for (const res of await Promise.all(refused)) {
      expect(res.status).toBe(401);
      expect(res.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    }
    const count = async () => (await t.gql('{ actors { totalCount } }')).data.actors.totalCount;
    expect(await count()).toBe(0);
    const ok = await sync('jwt', sign({ role: 'PARTNER', source: 'jwt', exp }));
    expect(ok.data).toEqual({ syncActors: { created: 1 } });
    expect(await count()).toBe(1);
  });
});
