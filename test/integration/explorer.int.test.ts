/**
 * The analysts' explorer (/explorer) and the GraphQL IDE (GET /graphql), in a real browser
 * (Debian's Chromium through playwright-core) against the API on the demo data. What the page
 * shows is compared with what the API answers to the same questions. Any console error or page
 * error fails the test. Screenshots go to test-artifacts/.
 *
 * Chromium: /usr/bin/chromium (apt-get install chromium), or CHROMIUM_PATH. Without it the suite is
 * skipped with a warning, unless CI is set (then it fails).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS, describeBrowser, ensureBuilt, launchChromium, watchPage } from '../helpers/browser';
import { startTestApp, type TestApp } from '../helpers/app';
import { EXPLORER_DIR } from '../../src/http/explorer.route';

const FOOD = 'FOOD_GOVERNANCE';

const describeBrowserSuite = describeBrowser('explorer browser tests');

/** What the page exposes on `window.__explorer` (read through page.evaluate). */
interface Probe {
  ready: boolean;
  mode: 'analytics' | 'public' | null;
  scope: string;
  asOf: string | null;
  nodes: number;
  edges: number;
  selected: string | null;
  lastDraw: { ms: number; layoutMs: number; renderMs: number; nodes: number; edges: number } | null;
  lastPng: { width: number; height: number; bytes: number } | null;
}

const probe = (page: Page): Promise<Probe> => page.evaluate('({ ...window.__explorer })') as Promise<Probe>;

/** Waits until the graph shows `scope` on `asOf` ('' for today), drawn. */
async function drawn(page: Page, scope: string, asOf = ''): Promise<Probe> {
  await page.locator(`[data-testid="graph-status"][data-state="ready"][data-scope="${scope}"][data-as-of="${asOf}"]`).waitFor({ timeout: 60_000 });
  return probe(page);
}

describeBrowserSuite('explorer and GraphiQL in a real browser', () => {
  let t: TestApp;
  let key: string;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  const watch = (p: Page, label: string) => watchPage(problems, p, label);

  const api = async <T = any>(query: string, variables?: Record<string, unknown>, withKey = true): Promise<T> => {
    const res = await t.gql<T>(query, variables, withKey ? key : undefined);
    if (res.errors?.length) throw new Error(res.errors.map((e) => e.message).join('; '));
    return res.data as T;
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    // From a checkout where postinstall did not run (npm ci --ignore-scripts), build it now.
    ensureBuilt(join(EXPLORER_DIR, 'index.html'), join(EXPLORER_DIR, 'graphiql', 'graphiql.js'));
    t = await startTestApp({ seedDemo: true });
    key = await t.key('ANALYST');
    base = `http://127.0.0.1:${t.app.port}`;
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true, locale: 'fr-FR' });
    page = await context.newPage();
    watch(page, 'explorer');
  });

  afterEach(() => {
    const found = problems.splice(0);
    expect(found).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('serves /explorer (redirecting to /explorer/) and draws the whole demo network, timed', async () => {
    const redirect = await fetch(`${base}/explorer`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/explorer/');
    // Static files revalidate by ETag (304 when unchanged); API answers carry none (no body hashing).
    const index = await fetch(`${base}/explorer/`);
    const etag = index.headers.get('etag');
    expect(etag).toBeTruthy();
    // (fetch adds `cache-control: no-cache` to a conditional request unless told otherwise; a
    // browser revalidating sends max-age=0.)
    expect((await fetch(`${base}/explorer/`, { headers: { 'if-none-match': etag!, 'cache-control': 'max-age=0' } })).status).toBe(304);
    const answer = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ operations { code } }"}' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('etag')).toBeNull();

    // Actors without a bond are hidden by default (and counted): the API's hideIsolates gives the same drawing.
    const whole = await api<{ network: { nodes: unknown[]; edges: unknown[] } }>('{ network(hideIsolates: true) { nodes { id } edges { id } } }');
    const t0 = Date.now();
    await page.goto(`${base}/explorer/#key=${key}`);
    const cold = await drawn(page, 'program');
    const coldMs = Date.now() - t0;
    expect(cold.mode).toBe('analytics');
    expect(cold.nodes).toBe(whole.network.nodes.length);
    expect(cold.edges).toBe(whole.network.edges.length);
    // The key moved from the address to localStorage.
    expect(await page.evaluate('location.hash')).not.toContain('key=');
    expect(await page.evaluate("localStorage.getItem('agencement.apiKey')")).toBe(key);

    // Again from scratch in the browser (new layout), the server's analytics cache now warm.
    const t1 = Date.now();
    await page.reload();
    const warm = await drawn(page, 'program');
    const warmMs = Date.now() - t1;
    const requests = ((await page.evaluate('window.__explorer.requests')) as { operation: string; ms: number }[]).map((r) => `${r.operation.replace('Explorer', '')} ${r.ms} ms`).join(', ');
    const d = (p: Probe) => `${p.lastDraw!.ms} ms from the first request to the drawn frame, of which graph + ForceAtlas2 ${p.lastDraw!.layoutMs} ms and sigma's first frame ${p.lastDraw!.renderMs} ms`;
    console.log(
      `explorer: whole demo network (${warm.nodes} actors, ${warm.edges} bonds) drawn in ${coldMs} ms from navigation on a cold server (${d(cold)}); ` +
        `${warmMs} ms after a reload, server caches warm (${d(warm)}; requests, in parallel: ${requests})`,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'whole-program.png') });
  });

  it('picks the food-governance operation: drawn nodes and the figures equal the API', async () => {
    const { operation } = await api<{ operation: { id: string; name: string } }>(`{ operation(code: "${FOOD}") { id name } }`);
    expect(operation.name).toBe('Gouvernance alimentaire');
    await page.getByTestId('scope-select').selectOption({ label: 'Gouvernance alimentaire' });
    const shown = await drawn(page, `operation:${FOOD}`);

    const { network } = await api<{ network: { nodes: unknown[]; edges: unknown[] } }>(`{ network(scope: { operation: "${FOOD}" }, hideIsolates: true) { nodes { id } edges { id } } }`);
    expect(shown.nodes).toBe(network.nodes.length);
    expect(shown.edges).toBe(network.edges.length);

    const { arrangement: a } = await api(`{ arrangement(scope: { operation: "${FOOD}" }) { actorCount bondCount density blau eiIndex modularity topBrokers { actor { id name } total } } }`);
    await page.locator('[data-testid="figures"][data-state="ready"]').waitFor();
    const value = async (id: string) => Number(await page.getByTestId(id).getAttribute('data-value'));
    expect(await value('fig-blau')).toBe(a.blau);
    expect(await value('fig-ei')).toBe(a.eiIndex);
    expect(await value('fig-density')).toBe(a.density);
    expect(await value('fig-modularity')).toBe(a.modularity);
    expect(await value('fig-actors')).toBe(a.actorCount);
    expect(await value('fig-bonds')).toBe(a.bondCount);
    // Shown rounded, in French.
    expect(await page.getByTestId('fig-blau').textContent()).toBe(a.blau.toLocaleString('fr-FR', { maximumFractionDigits: 3, minimumFractionDigits: 2 }));
    expect(await page.getByTestId('top-broker-name').first().textContent()).toBe(a.topBrokers[0].actor.name);
    expect(await page.getByTestId('top-broker-name').count()).toBe(Math.min(8, a.topBrokers.length));

    // Legend: one entry per sector present, counts adding up to the drawn actors.
    const counts = await page.locator('[data-testid="legend"] .count').allTextContents();
    expect(counts.map(Number).reduce((x, y) => x + y, 0)).toBe(shown.nodes);
    // The biggest actors are named on the drawing.
    const labels = (await page.evaluate('window.__explorer.labels()')) as string[];
    expect(labels).toContain(a.topBrokers[0].actor.name);
    await page.screenshot({ path: join(ARTIFACTS, 'food-governance.png') });
    console.log(`explorer: food governance shows ${shown.nodes} actors, ${shown.edges} bonds; top broker ${a.topBrokers[0].actor.name} (${a.topBrokers[0].total} brokered two-paths); Blau ${a.blau.toFixed(3)}, E-I ${a.eiIndex.toFixed(3)}`);
  });

  it('clicking an actor on the drawing opens its card with its brokerage roles', async () => {
    const { arrangement: a } = await api(`{ arrangement(scope: { operation: "${FOOD}" }) { topBrokers { actor { id name sector } total } } }`);
    const top = a.topBrokers[0];
    const pos = (await page.evaluate(`window.__explorer.position(${JSON.stringify(top.actor.id)})`)) as { x: number; y: number };
    const box = (await page.getByTestId('graph').boundingBox())!;
    await page.mouse.move(box.x + pos.x, box.y + pos.y);
    await page.mouse.click(box.x + pos.x, box.y + pos.y);
    await page.locator(`[data-testid="actor-card"][data-state="ready"][data-actor-id="${top.actor.id}"]`).waitFor();
    expect(await page.getByTestId('card-name').textContent()).toBe(top.actor.name);
    expect(await page.getByTestId('card-sector').getAttribute('data-value')).toBe(top.actor.sector);
    expect(await page.locator('[data-testid="card-brokerage"] dd[data-value]').getAttribute('data-value')).toBe(String(top.total));
    expect((await probe(page)).selected).toBe(top.actor.id);
    await page.waitForTimeout(400); // the camera glides to the actor
    await page.screenshot({ path: join(ARTIFACTS, 'selected-actor.png') });
  });

  it('finds an actor without accents ("foret") and shows its card from the API', async () => {
    const { actors } = await api<{ actors: { edges: { node: { id: string; name: string; sector: string; kind: string; bondCount: number } }[] } }>(
      '{ actors(search: "foret", first: 8) { edges { node { id name sector kind bondCount } } } }',
    );
    const hit = actors.edges[0]!.node;
    expect(hit.name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()).toContain('foret');

    await page.getByTestId('search-input').fill('foret');
    const results = page.getByTestId('search-result');
    await results.first().waitFor();
    expect(await results.count()).toBe(actors.edges.length);
    expect(await results.first().getAttribute('data-actor-id')).toBe(hit.id);
    await results.first().locator('button').click();

    await page.locator(`[data-testid="actor-card"][data-state="ready"][data-actor-id="${hit.id}"]`).waitFor();
    expect(await page.getByTestId('card-name').textContent()).toBe(hit.name);
    expect(await page.getByTestId('card-sector').getAttribute('data-value')).toBe(hit.sector);
    expect(await page.getByTestId('card-kind').getAttribute('data-value')).toBe(hit.kind);
    expect(await page.getByTestId('card-bonds').getAttribute('data-value')).toBe(String(hit.bondCount));
    expect((await probe(page)).selected).toBe(hit.id);
    await page.screenshot({ path: join(ARTIFACTS, 'search-card.png') });
  });

  it('moves the date slider to 2012: the drawn bonds are those holding on 2012-12-31', async () => {
    const slider = page.getByTestId('date-slider');
    await slider.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft'); // today → 2015 → … → 2012
    expect(await slider.inputValue()).toBe('1');
    const shown = await drawn(page, `operation:${FOOD}`, '2012-12-31');
    const { network } = await api<{ network: { nodes: unknown[]; edges: unknown[] } }>(`{ network(scope: { operation: "${FOOD}", asOf: "2012-12-31" }, hideIsolates: true) { nodes { id } edges { id } } }`);
    expect(shown.edges).toBe(network.edges.length);
    expect(shown.nodes).toBe(network.nodes.length);
    const { arrangement } = await api(`{ arrangement(scope: { operation: "${FOOD}", asOf: "2012-12-31" }) { eiIndex } }`);
    await page.locator('[data-testid="figures"][data-state="ready"]').waitFor();
    expect(Number(await page.getByTestId('fig-ei').getAttribute('data-value'))).toBe(arrangement.eiIndex);
    expect(await page.getByTestId('export-gexf').getAttribute('href')).toBe(`../export/network.gexf?operation=${FOOD}&asOf=2012-12-31`);
    await page.screenshot({ path: join(ARTIFACTS, 'food-governance-2012.png') });
  });

  it('exports the view as GEXF (with the key) and as PNG', async () => {
    const [gexf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-gexf').click()]);
    expect(gexf.suggestedFilename()).toBe(`agencement-operation-${FOOD}-2012-12-31.gexf`);
    const gexfPath = join(ARTIFACTS, 'food-governance-2012.gexf');
    await gexf.saveAs(gexfPath);
    const xml = new XMLParser({ ignoreAttributes: false }).parse(readFileSync(gexfPath, 'utf8'));
    const nodes = [xml.gexf.graph.nodes.node].flat();
    // The file holds the whole scope, actors without a bond included (the drawing hides them).
    const { network } = await api(`{ network(scope: { operation: "${FOOD}", asOf: "2012-12-31" }) { actorCount isolates } }`);
    expect(nodes.length).toBe(network.actorCount);
    expect(nodes.length).toBe((await probe(page)).nodes + network.isolates);

    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    const pngPath = join(ARTIFACTS, 'food-governance-2012-export.png');
    await png.saveAs(pngPath);
    const bytes = readFileSync(pngPath);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(20_000); // a drawing, not a blank canvas
  });

  it('shows transversality: a department heat map (on the date) and the yearly E-I / modularity chart', async () => {
    const { transversality: tr } = await api(`{ transversality { series { year eiIndex modularity } } }`);
    const { transversality: at } = await api(`{ transversality(asOf: "2012-12-31") { departments { id } matrix { sharedOperations } } }`);
    await page.getByTestId('tab-transversality').click();
    await page.locator('[data-testid="transversality-view"][data-state="ready"]').waitFor();
    const n = at.departments.length;
    expect(await page.locator('[data-testid="heatmap"] [data-testid="heat-cell"]').count()).toBe(n * (n - 1));
    const shared = await page.locator('[data-testid="heat-cell"]').evaluateAll((els) => els.reduce((sum, e) => sum + Number(e.getAttribute('data-value')), 0));
    expect(shared).toBe(2 * at.matrix.reduce((sum: number, p: any) => sum + p.sharedOperations, 0)); // both halves of the symmetric matrix
    expect(await page.getByTestId('linechart').getAttribute('data-points')).toBe(String(tr.series.length));
    const ei = page.getByTestId('series-point-ei');
    expect(await ei.count()).toBe(tr.series.length);
    expect(await page.getByTestId('series-point-modularity').count()).toBe(tr.series.length);
    const eiValues = await ei.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
    expect(eiValues).toEqual([...tr.series].sort((x: any, y: any) => x.year - y.year).map((p: any) => p.eiIndex));
    expect(await page.getByTestId('linechart-marker').count()).toBe(1); // 2012 marked
    await page.screenshot({ path: join(ARTIFACTS, 'transversality.png'), fullPage: true });
    await page.getByTestId('tab-network').click();
    await page.getByTestId('graph').waitFor();
  });

  it('switches to English and colours by department', async () => {
    await page.getByTestId('lang-toggle').click();
    expect(await page.getByTestId('tab-network').textContent()).toBe('Network');
    await page.getByTestId('color-department').click();
    await page.locator('[data-testid="legend"] li[data-key="external"]').waitFor();
    await page.locator('[data-testid="figures"][data-state="ready"]').waitFor();
    const { arrangement } = await api(`{ arrangement(scope: { operation: "${FOOD}", asOf: "2012-12-31" }, groupBy: DEPARTMENT) { eiIndex } }`);
    expect(Number(await page.getByTestId('fig-ei').getAttribute('data-value'))).toBe(arrangement.eiIndex);
    await page.screenshot({ path: join(ARTIFACTS, 'departments-en.png') });
    await page.getByTestId('lang-toggle').click();
    await page.getByTestId('color-sector').click();
  });

  it('without a key: shows the API refusal and still draws from public reads', async () => {
    const anon = await browser.newContext({ viewport: { width: 1280, height: 820 }, locale: 'fr-FR' });
    const p = await anon.newPage();
    watch(p, 'anonymous');
    try {
      const refusal = await t.gql(`{ network(scope: { operation: "${FOOD}" }) { nodes { id } } }`);
      const message = refusal.errors![0]!.message;
      const { operation } = await api<{ operation: { id: string } }>(`{ operation(code: "${FOOD}") { id } }`, undefined, false);
      const { actors } = await api<{ actors: { totalCount: number } }>('query ($op: ID) { actors(filter: { operation: $op }) { totalCount } }', { op: operation.id }, false);

      await p.goto(`${base}/explorer/#scope=operation:${FOOD}`);
      const shown = await drawn(p, `operation:${FOOD}`);
      expect(shown.mode).toBe('public');
      // Rebuilt from public reads, actors without a bond hidden and counted as with a key.
      const isolates = Number(await p.getByTestId('isolates-note').getAttribute('data-count'));
      expect(shown.nodes + isolates).toBe(actors.totalCount);
      expect(shown.edges).toBeGreaterThan(0);
      // The refusal in the page's language, the API's words kept as the detail.
      expect(await p.getByTestId('error-banner').textContent()).toBe('Ces analyses demandent une clé API de rôle ANALYST, EDITOR ou ADMIN.');
      expect(await p.getByTestId('error-banner').getAttribute('data-detail')).toContain(message);
      await p.locator('[data-testid="figures"][data-state="error"]').waitFor();
      expect(await p.getByTestId('figures-error').textContent()).toContain('ANALYST');
      await p.screenshot({ path: join(ARTIFACTS, 'anonymous.png') });
    } finally {
      await anon.close();
    }
  });

  it('GET /graphql in a browser opens GraphiQL with the schema docs; API clients still get JSON', async () => {
    const json = await fetch(`${base}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(await json.json()).toEqual({ data: { __typename: 'Query' } });
    const html = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
    expect(html.headers.get('content-type')).toContain('text/html');

    const p = await context.newPage();
    watch(p, 'graphiql');
    try {
      await p.goto(`${base}/graphql`);
      await p.locator('.graphiql-container').waitFor({ timeout: 30_000 });
      // The header editor is open, prefilled with the key the explorer stored.
      await p.getByText(`Bearer ${key}`).first().waitFor();
      // Schema docs, from introspection.
      await p.getByLabel('Show Documentation Explorer').click();
      await p.locator('.graphiql-doc-explorer a.graphiql-doc-explorer-type-name', { hasText: /^Query$/ }).first().click();
      await p.locator('.graphiql-doc-explorer').getByText('arrangement', { exact: true }).first().waitFor();
      // Run the analytics example of the default document (three operations): the key in the
      // header editor is sent, the answer holds the top broker.
      const { arrangement } = await api(`{ arrangement(scope: { operation: "${FOOD}" }) { topBrokers { actor { name } } } }`);
      await p.getByLabel(/Execute query/).click();
      await p.getByRole('menuitem', { name: 'FoodGovernance' }).click();
      await p.locator('.graphiql-response').getByText(arrangement.topBrokers[0].actor.name).first().waitFor({ timeout: 30_000 });
      await p.screenshot({ path: join(ARTIFACTS, 'graphiql.png') });
    } finally {
      await p.close();
    }
  });
});
