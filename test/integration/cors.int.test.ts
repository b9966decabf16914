/**
 * CORS_ORIGINS over real HTTP: preflights from listed and unlisted origins, requests with Origin,
 * Apollo Server's CSRF prevention still refusing simple requests, and a page on another origin
 * calling the API from headless Chromium (playwright-core, /usr/bin/chromium or CHROMIUM_PATH).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { loadConfig } from '../../src/config';
import { startServer, type RunningApp } from '../../src/server';
import { CORS_ALLOWED_HEADERS, CORS_MAX_AGE_SECONDS } from '../../src/http/cors';
import { startTestApp, type TestApp } from '../helpers/app';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const COUNCIL = 'https://council.example.org';
const EVIL = 'https://evil.example.net';

/** The tiny front end: on load it calls the API (POST with a key, then an Apollo-style GET) and writes what it got. */
const PAGE = (api: string, key: string) => `<!doctype html>
<html><head><meta charset="utf-8"><title>front end</title></head>
<body><pre id="out"></pre>
<script>
  const api = ${JSON.stringify(api)};
  async function call(name, run) {
    try { const r = await run(); return [name, { status: r.status, body: await r.json() }]; }
    catch (e) { return [name, { error: String(e) }]; }
  }
  (async () => {
    const results = Object.fromEntries([
      await call('post', () => fetch(api, { method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer ${key}', 'apollographql-client-name': 'cors-test', 'apollographql-client-version': '1.0' },
        body: JSON.stringify({ query: '{ __typename operations { code } }' }) })),
      await call('get', () => fetch(api + '?query=' + encodeURIComponent('{ __typename }'), { headers: { 'apollo-require-preflight': 'true' } })),
    ]);
    const out = document.getElementById('out');
    out.textContent = JSON.stringify(results);
    out.dataset.done = 'yes';
  })();
</script></body></html>`;

/** Serves the page `html()` returns on 127.0.0.1 at a free port: another origin than the API's. */
async function servePage(html: () => string): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const corsHeaders = (res: Response) => [...res.headers.keys()].filter((h) => h.startsWith('access-control-'));

describe('CORS_ORIGINS', () => {
  let t: TestApp;
  let gql: string;
  let exportUrl: string;
  let analystKey: string;
  let viewerKey: string;
  let listedPage: { origin: string; close(): Promise<void> };
  let unlistedPage: { origin: string; close(): Promise<void> };

  beforeAll(async () => {
    // The listed page's origin goes into CORS_ORIGINS before the API starts; the page gets the API's address after.
    let html = '';
    listedPage = await servePage(() => html);
    unlistedPage = await servePage(() => html);
    t = await startTestApp({ env: { CORS_ORIGINS: `${COUNCIL}, ${listedPage.origin}` } });
    gql = t.app.url;
    exportUrl = `http://127.0.0.1:${t.app.port}/export/nodes.csv`;
    analystKey = await t.key('ANALYST');
    viewerKey = await t.key('VIEWER');
    html = PAGE(gql, viewerKey);
  });

  afterAll(async () => {
    await listedPage?.close();
    await unlistedPage?.close();
    await t?.stop();
  });

  const preflight = (url: string, origin: string, method = 'POST', headers = 'content-type, authorization') =>
    fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': headers } });

  it('answers a preflight from a listed origin: 204, that origin, GET/POST, the Apollo headers, a max-age, Vary: Origin', async () => {
    const res = await preflight(gql, COUNCIL, 'POST', CORS_ALLOWED_HEADERS.join(', '));
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(COUNCIL);
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect(res.headers.get('access-control-allow-headers')!.split(', ').sort()).toEqual(
      ['content-type', 'authorization', 'apollographql-client-name', 'apollographql-client-version', 'apollo-require-preflight', 'x-apollo-operation-name'].sort(),
    );
    expect(res.headers.get('access-control-max-age')).toBe(String(CORS_MAX_AGE_SECONDS));
    expect(res.headers.get('vary')).toMatch(/\borigin\b/i);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(await res.text()).toBe('');
  });

  it('gives an unlisted origin no CORS header at all, on preflights and on requests', async () => {
    const pre = await preflight(gql, EVIL);
    expect(pre.status).not.toBe(204);
    expect(corsHeaders(pre)).toEqual([]);
    // Only an exact match counts: another scheme, port or a suffix is another origin.
    for (const near of ['http://council.example.org', 'https://council.example.org:8443', 'https://council.example.org.evil.net']) {
      expect(corsHeaders(await preflight(gql, near))).toEqual([]);
    }
    const post = await fetch(gql, { method: 'POST', headers: { origin: EVIL, 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    // CORS is no access control (curl sends any Origin): the answer comes, a browser just may not read it.
    expect(post.status).toBe(200);
    expect(corsHeaders(post)).toEqual([]);
    expect(post.headers.get('vary')).toMatch(/\borigin\b/i);
  });

  it('lets a listed origin POST with a key and read the answer', async () => {
    const res = await fetch(gql, {
      method: 'POST',
      headers: { origin: COUNCIL, 'content-type': 'application/json', authorization: `Bearer ${viewerKey}` },
      body: '{"query":"{ __typename }"}',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(COUNCIL);
    expect(res.headers.get('vary')).toMatch(/\borigin\b/i);
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it("keeps Apollo's CSRF prevention for every origin: simple requests are refused, preflighted ones pass", async () => {
    for (const origin of [EVIL, COUNCIL]) {
      // What a form or an <img>/fetch(no-cors) on any site can send without a preflight.
      const form = await fetch(gql, { method: 'POST', headers: { origin, 'content-type': 'text/plain' }, body: '{"query":"mutation { deleteActor(id: \\"x\\") { deletedId } }"}' });
      expect(form.status).toBe(400);
      expect(await form.text()).toMatch(/Cross-Site Request Forgery/);
      const get = await fetch(`${gql}?query=${encodeURIComponent('{ __typename }')}`, { headers: { origin, accept: 'application/json' } });
      expect(get.status).toBe(400);
      expect(await get.text()).toMatch(/Cross-Site Request Forgery/);
    }
    const preflighted = await fetch(`${gql}?query=${encodeURIComponent('{ __typename }')}`, { headers: { origin: COUNCIL, 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
    expect(preflighted.headers.get('access-control-allow-origin')).toBe(COUNCIL);
  });

  it('covers /export too: preflight with a key, and the file name readable by the page', async () => {
    const pre = await preflight(exportUrl, COUNCIL, 'GET', 'authorization');
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(COUNCIL);
    const res = await fetch(exportUrl, { headers: { origin: COUNCIL, authorization: `Bearer ${analystKey}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(COUNCIL);
    expect(res.headers.get('access-control-expose-headers')).toBe('content-disposition');
    expect(res.headers.get('content-disposition')).toMatch(/tesr-all-\d{4}-\d{2}-\d{2}-nodes\.csv/);
    expect(corsHeaders(await preflight(exportUrl, EVIL, 'GET', 'authorization'))).toEqual([]);
  });

  it('leaves other paths alone (health checks, the explorer)', async () => {
    const health = await fetch(`http://127.0.0.1:${t.app.port}/healthz`, { headers: { origin: COUNCIL } });
    expect(health.status).toBe(200);
    expect(corsHeaders(health)).toEqual([]);
    const explorer = await fetch(`http://127.0.0.1:${t.app.port}/explorer/`, { headers: { origin: COUNCIL } });
    expect(corsHeaders(explorer)).toEqual([]);
    expect(explorer.headers.get('vary') ?? '').not.toMatch(/\borigin\b/i);
  });

  it('sends nothing CORS-related when CORS_ORIGINS is unset (the default)', async () => {
    const config = loadConfig({ ...process.env, CORS_ORIGINS: '', NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1' });
    expect(config.CORS_ORIGINS).toEqual([]);
    let plain: RunningApp | undefined;
    try {
      plain = await startServer({ config, db: t.db }, 0);
      const pre = await preflight(plain.url, COUNCIL);
      expect(pre.status).toBe(400);
      expect(corsHeaders(pre)).toEqual([]);
      const post = await fetch(plain.url, { method: 'POST', headers: { origin: COUNCIL, 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      expect(post.status).toBe(200);
      expect(corsHeaders(post)).toEqual([]);
      expect(post.headers.get('vary')).toBeNull();
    } finally {
      await plain?.stop();
    }
  });

  describe('a page on another origin, in headless Chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    });
    afterAll(async () => {
      await browser?.close();
    });

    /** Opens the page, waits for its calls to end, returns their results and the console errors. */
    async function visit(origin: string) {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(`${origin}/`);
      await page.locator('#out[data-done="yes"]').waitFor({ timeout: 30_000 });
      const results = JSON.parse((await page.locator('#out').textContent())!);
      await page.close();
      return { results, errors };
    }

    it('calls the API from a listed origin (POST with a key and Apollo headers, GET with apollo-require-preflight)', async () => {
      const { results, errors } = await visit(listedPage.origin);
      expect(results).toEqual({
        post: { status: 200, body: { data: { __typename: 'Query', operations: [] } } },
        get: { status: 200, body: { data: { __typename: 'Query' } } },
      });
      expect(errors).toEqual([]);
    });

    it('is blocked by the browser from an unlisted origin', async () => {
      const { results, errors } = await visit(unlistedPage.origin);
      expect(results.post).toEqual({ error: expect.stringContaining('Failed to fetch') });
      expect(results.get).toEqual({ error: expect.stringContaining('Failed to fetch') });
      expect(errors.join('\n')).toMatch(/blocked by CORS policy/);
    });
  });
});
