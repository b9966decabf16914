import pino from 'pino';
import { Writable } from 'node:stream';
import { startServer, type RunningApp } from '../../src/server';
import { startTestApp, type TestApp } from '../helpers/app';

describe('observability', () => {
  let t: TestApp;
  let app: RunningApp;
  const lines: any[] = [];
  beforeAll(async () => {
    t = await startTestApp();
    const sink = new Writable({ write(chunk, _enc, cb) { lines.push(...String(chunk).trim().split('\n').map((l) => JSON.parse(l))); cb(); } });
    const logger = pino({ level: 'info', redact: { paths: ['*.email', '*.phone'], censor: '[redacted]' } }, sink);
    // Start-up plans the sync's write statements (src/db/warmup.ts) on a session of its own: both
    // servers of this shared database finish first (the test app's before this one counts sessions),
    // so that the gauge of sessions in use reads requests only.
    await t.app.warmup;
    app = await startServer({ config: t.config, db: t.db, logger }, 0);
    await app.warmup;
  });
  afterAll(async () => {
    await app.stop();
    await t.stop();
  });

  const post = (query: string, variables?: object, headers: Record<string, string> = {}) =>
    fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) }).then((r) => r.json() as any);

  it('exposes Prometheus metrics: requests by operation and outcome, latency, errors by code, Neo4j query durations', async () => {
    await post('query Ops { operations { code } }');
    await post('query Ops { operations { code } }');
    await post('query Big { actors(first: 1000) { totalCount } }');
    const text = await (await fetch(app.url.replace('/graphql', '/metrics'))).text();
    expect(text).toMatch(/agencement_graphql_requests_total\{operation="Ops",outcome="ok"\} 2/);
    expect(text).toMatch(/agencement_graphql_requests_total\{operation="Big",outcome="error"\} 1/);
    expect(text).toMatch(/agencement_graphql_errors_total\{code="BAD_USER_INPUT"\} 1/);
    expect(text).toMatch(/agencement_graphql_request_duration_seconds_bucket\{le="[0-9.]+",operation="Ops"\}/);
    expect(text).toMatch(/agencement_neo4j_query_duration_seconds_count\{query="operations\/all",outcome="ok"\} 2/);
    expect(/agencement_neo4j_sessions_in_use (-?\d+)/.exec(text)?.[1]).toBe('0');
    expect(text).toMatch(/agencement_process_resident_memory_bytes/);
  });

  it('logs one JSON line per request with its request id and operation name, and no personal data', async () => {
    const editor = await t.key('EDITOR');
    await post(
      'mutation Make($i: CreateActorInput!) { createActor(input: $i) { id email } }',
      { i: { name: 'Logged Person', kind: 'PERSON', sector: 'CITIZENS', email: 'secret@example.org', phone: '0611111111' } },
      { authorization: `Bearer ${editor}`, 'x-request-id': 'req-123' },
    );
    const line = lines.find((l) => l.requestId === 'req-123');
    expect(line).toMatchObject({ operation: 'Make', outcome: 'ok', role: 'EDITOR', msg: 'graphql request' });
    expect(typeof line.ms).toBe('number');
    expect(JSON.stringify(lines)).not.toMatch(/secret@example.org|0611111111|agk_/);
  });
});
