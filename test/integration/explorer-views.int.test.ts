/**
 * The analysts' views of the explorer (issue #18 §7) in a real Chromium against the API on the demo
 * data: communities, ego network, shortest path, filters, the play button, the actors table and
 * its CSV, the size legend, labels that do not overlap, whole-network PNG/SVG and heat-map exports,
 * the transversality scope note, errors in the page's language, a wrong or revoked key, and a
 * partner import of thousands of bondless actors. What the page shows is compared with what the
 * API answers to the same question; console errors fail the test; screenshots go to test-artifacts/.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS, describeBrowser, ensureBuilt, launchChromium, watchPage } from '../helpers/browser';
import { startTestApp, type TestApp } from '../helpers/app';
import { EXPLORER_DIR } from '../../src/http/explorer.route';
import { createKey, revokeKey } from '../../src/auth/key.service';
import { Role } from '../../src/auth/roles';

const FOOD = 'FOOD_GOVERNANCE';

const describeBrowserSuite = describeBrowser('explorer views tests');

interface Box {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

const probe = (page: Page, expr: string) => page.evaluate(`(() => { const e = window.__explorer; return ${expr}; })()`) as Promise<any>;

/** Waits until the graph shows `scope` on `asOf` ('' for today), drawn (optionally an ego network). */
async function drawn(page: Page, scope: string, asOf = '', ego = ''): Promise<{ nodes: number; edges: number }> {
  await page.locator(`[data-testid="graph-status"][data-state="ready"][data-scope="${scope}"][data-as-of="${asOf}"][data-ego="${ego}"]`).waitFor({ state: 'attached', timeout: 90_000 });
  return probe(page, '({ nodes: e.nodes, edges: e.edges })');
}

/** Waits for a new drawing after `action` (counted by the page, however many it keeps). */
async function redrawn(page: Page, action: () => Promise<unknown>): Promise<{ nodes: number; edges: number }> {
  await page.evaluate('window.__explorerLast = window.__explorer.lastDraw');
  await action();
  await page.waitForFunction(() => {
    const w = globalThis as any;
    return w.__explorer.lastDraw !== w.__explorerLast && w.__explorer.ready;
  }, undefined, { timeout: 90_000 });
  return probe(page, '({ nodes: e.nodes, edges: e.edges })');
}

const overlapping = (boxes: Box[]) => {
  const out: [string, string][] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) out.push([a.id, b.id]);
    }
  }
  return out;
};

describeBrowserSuite('explorer views for analysts (Playwright, Chromium)', () => {
  let t: TestApp;
  let key: string;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  const watch = (p: Page, label: string, allow: RegExp[] = []) => watchPage(problems, p, label, allow);

  const api = async <T = any>(query: string, variables?: Record<string, unknown>, withKey: string | null = key): Promise<T> => {
    const res = await t.gql<T>(query, variables, withKey ?? undefined);
    if (res.errors?.length) throw new Error(res.errors.map((e) => e.message).join('; '));
    return res.data as T;
  };

  const shot = (p: Page, name: string, fullPage = false) => p.screenshot({ path: join(ARTIFACTS, `views-${name}.png`), fullPage });

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    ensureBuilt(join(EXPLORER_DIR, 'index.html'));
    t = await startTestApp({ seedDemo: true });
    key = await t.key('ANALYST');
    base = `http://127.0.0.1:${t.app.port}`;
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true, locale: 'fr-FR' });
    page = await context.newPage();
    watch(page, 'explorer');
    await page.goto(`${base}/explorer/#key=${key}&scope=operation:${FOOD}`);
    await drawn(page, `operation:${FOOD}`);
  });

  afterEach(() => {
    const found = problems.splice(0);
    expect(found).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('colours by Louvain community: each drawn actor has the colour of its community in the API', async () => {
    const { communities: c } = await api(`{ communities(scope: { operation: "${FOOD}" }) { count modularity communities { index actors { id } } } }`);
    await page.getByTestId('color-community').click();
    await page.locator('[data-testid="legend"] li[data-key="community:0"]').waitFor();
    for (const group of c.communities) {
      const want = group.index < 12 ? `community:${group.index}` : 'community:other';
      const got = (await probe(page, `${JSON.stringify(group.actors.map((a: any) => a.id))}.map((id) => e.categoryOf(id))`)) as (string | null)[];
      // Every actor of the community that is drawn (isolates are hidden by default) carries its colour.
      expect(got.filter((g) => g !== null).every((g) => g === want)).toBe(true);
    }
    const counts = await page.locator('[data-testid="legend"] .count').allTextContents();
    expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe((await probe(page, 'e.nodes')) as number);
    expect(await page.getByTestId('legend-note').textContent()).toBe(`Louvain : ${c.count} communautés, modularité ${c.modularity.toLocaleString('fr-FR', { maximumFractionDigits: 3, minimumFractionDigits: 2 })}`);
    await shot(page, 'communities');
    await page.getByTestId('color-sector').click();
    await page.locator('[data-testid="legend"] li[data-key="ECONOMIC"]').waitFor();
  });

  it('opens an actor’s ego network and shows the shortest path to another, as the API answers', async () => {
    const { arrangement: a } = await api(`{ arrangement(scope: { operation: "${FOOD}" }) { topBrokers { actor { id name } } } }`);
    const hub = a.topBrokers[0].actor;
    const { egoNetwork: ego } = await api(`query($a: ID!) { egoNetwork(actor: $a, depth: 1, scope: { operation: "${FOOD}" }) { nodes { id } edges { id } } }`, { a: hub.id });
    await page.getByTestId('search-input').fill(hub.name);
    await page.getByTestId('search-result').first().locator('button').click();
    await page.locator(`[data-testid="actor-card"][data-state="ready"][data-actor-id="${hub.id}"]`).waitFor();
    await page.getByTestId('card-ego').click();
    const shown = await drawn(page, `operation:${FOOD}`, '', hub.id);
    expect(shown).toEqual({ nodes: ego.nodes.length, edges: ego.edges.length });
    expect(await page.getByTestId('ego-bar').textContent()).toContain(`Réseau personnel de ${hub.name}`);
    await shot(page, 'ego');
    const { egoNetwork: ego2 } = await api(`query($a: ID!) { egoNetwork(actor: $a, depth: 2, scope: { operation: "${FOOD}" }) { nodes { id } edges { id } } }`, { a: hub.id });
    await page.getByTestId('ego-depth-2').click();
    await page.locator('[data-testid="ego-bar"][data-depth="2"]').waitFor();
    expect(await drawn(page, `operation:${FOOD}`, '', hub.id)).toEqual({ nodes: ego2.nodes.length, edges: ego2.edges.length });
    await page.getByTestId('ego-back').click();
    const whole = await drawn(page, `operation:${FOOD}`);
    expect(whole.nodes).toBeGreaterThan(ego2.nodes.length - 1);

    // Path: from the hub to the actor farthest from it among the drawn ones (a chain of ≥ 2 bonds).
    const { network } = await api(`{ network(scope: { operation: "${FOOD}" }, hideIsolates: true) { nodes { id name } } }`);
    let target: { id: string; name: string } | null = null;
    let chain: { id: string }[] = [];
    for (const n of network.nodes) {
      if (n.id === hub.id) continue;
      const { shortestPath } = await api(`query($f: ID!, $t: ID!) { shortestPath(from: $f, to: $t, scope: { operation: "${FOOD}" }) { id } }`, { f: hub.id, t: n.id });
      if (shortestPath && shortestPath.length > chain.length) (target = n), (chain = shortestPath);
      if (chain.length >= 4) break;
    }
    expect(chain.length).toBeGreaterThanOrEqual(3);
    await page.getByTestId('search-input').fill(hub.name);
    await page.getByTestId('search-result').first().locator('button').click();
    await page.locator(`[data-testid="actor-card"][data-state="ready"][data-actor-id="${hub.id}"]`).waitFor();
    await page.getByTestId('card-path').click();
    await page.locator('[data-testid="path-bar"][data-state="picking"]').waitFor();
    await page.getByTestId('search-input').fill(target!.name);
    await page.getByTestId('search-result').first().locator('button').click();
    await page.locator('[data-testid="path-bar"][data-state="found"]').waitFor();
    const steps = await page.getByTestId('path-step').evaluateAll((els) => els.map((e) => e.getAttribute('data-actor-id')));
    expect(steps).toEqual(chain.map((x) => x.id));
    expect(await probe(page, 'e.path')).toEqual(chain.map((x) => x.id));
    await shot(page, 'path');
    await page.getByTestId('path-clear').click();
    await page.getByTestId('path-bar').waitFor({ state: 'detached' });
  });

  it('filters: sectors, bond kinds, source and tag narrow the API scope; kinds and minimum degree hide drawn actors', async () => {
    const scope = `{ operation: "${FOOD}", sectors: [CIVIL_SOCIETY, ECONOMIC], bondKinds: [COLLABORATES_WITH, SUPPLIES], source: "demo", tags: ["fictional"] }`;
    const { network } = await api(`{ network(scope: ${scope}, hideIsolates: true) { nodes { id kind } edges { from { id } to { id } } isolates } }`);
    await page.locator('[data-testid="filters"] summary').click();
    const filtered = await redrawn(page, async () => {
      await page.locator('[data-testid="filter-sectors"] [data-value="CIVIL_SOCIETY"]').click();
      await drawn(page, `operation:${FOOD}`);
      await page.locator('[data-testid="filter-sectors"] [data-value="ECONOMIC"]').click();
      await drawn(page, `operation:${FOOD}`);
      await page.locator('[data-testid="filter-bond-kinds"] [data-value="COLLABORATES_WITH"]').click();
      await drawn(page, `operation:${FOOD}`);
      await page.locator('[data-testid="filter-bond-kinds"] [data-value="SUPPLIES"]').click();
      await drawn(page, `operation:${FOOD}`);
      await page.getByTestId('filter-source').fill('demo');
      await page.getByTestId('filter-source').press('Enter');
      await drawn(page, `operation:${FOOD}`);
      await page.getByTestId('filter-tag').fill('fictional');
      await page.getByTestId('filter-tag').press('Enter');
    });
    expect(filtered).toEqual({ nodes: network.nodes.length, edges: network.edges.length });
    expect(await page.evaluate('location.hash')).toContain('sectors=CIVIL_SOCIETY%2CECONOMIC');

    // Kind (drawing only): the organizations; then minimum degree 2 among what is left.
    const orgs = network.nodes.filter((n: any) => n.kind === 'ORGANIZATION').map((n: any) => n.id);
    const kept = new Set(orgs);
    const edges = network.edges.filter((e: any) => kept.has(e.from.id) && kept.has(e.to.id));
    const byKind = await redrawn(page, () => page.locator('[data-testid="filter-kinds"] [data-value="ORGANIZATION"]').click());
    expect(byKind).toEqual({ nodes: orgs.length, edges: edges.length });
    const degree = new Map<string, number>();
    for (const e of edges) for (const end of [e.from.id, e.to.id]) degree.set(end, (degree.get(end) ?? 0) + 1);
    const dense = new Set(orgs.filter((id: string) => (degree.get(id) ?? 0) >= 2));
    const byDegree = await redrawn(page, async () => {
      await page.getByTestId('filter-min-degree').fill('2');
      await page.getByTestId('filter-min-degree').press('Tab');
    });
    expect(byDegree).toEqual({ nodes: dense.size, edges: edges.filter((e: any) => dense.has(e.from.id) && dense.has(e.to.id)).length });
    expect(await probe(page, 'e.hiddenByFilters')).toBe(network.nodes.length - dense.size);
    await page.locator('[data-testid="filters-active"]').waitFor();
    await shot(page, 'filters');
    await redrawn(page, () => page.getByTestId('filters-reset').click());
    await page.locator('[data-testid="filters"] summary').click();
  });

  it('the play button draws each year in turn, as the API answers on each date', async () => {
    await page.getByTestId('play').click();
    await page.waitForFunction(() => (globalThis as any).__explorer.playing === false && (globalThis as any).__explorer.played.length === 6, undefined, { timeout: 180_000 });
    expect(await probe(page, 'e.played')).toEqual(['2011-12-31', '2012-12-31', '2013-12-31', '2014-12-31', '2015-12-31', null]);
    const draws = (await probe(page, 'e.draws.slice(-6)')) as { asOf: string | null; edges: number }[];
    for (const d of draws) {
      const { network } = await api(`query($s: NetworkScope) { network(scope: $s, hideIsolates: true) { edges { id } } }`, { s: { operation: FOOD, ...(d.asOf ? { asOf: d.asOf } : {}) } });
      expect(d.edges).toBe(network.edges.length);
    }
    expect(await page.getByTestId('play').getAttribute('data-state')).toBe('stopped');
  });

  it('the table lists the drawn actors with the API’s metrics, sorts, and exports the same rows as CSV', async () => {
    const { betweenness, pagerank } = await api(`{ betweenness: centrality(metric: BETWEENNESS, scope: { operation: "${FOOD}" }, top: 1000) { score actor { id } } pagerank: centrality(metric: PAGERANK, scope: { operation: "${FOOD}" }, top: 1000) { score actor { id } } }`);
    await page.getByTestId('tab-table').click();
    await page.locator('[data-testid="table-view"][data-state="ready"]').waitFor();
    await page.locator('[data-testid="table-row"] td[data-column="BETWEENNESS"]').first().waitFor();
    const nodes = (await probe(page, 'e.nodes')) as number;
    expect(await page.getByTestId('table-row').count()).toBe(nodes);
    // Sorted by betweenness, highest first: the API's ranking.
    const ids = await page.getByTestId('table-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-actor-id')));
    const shownBetweenness = await page.locator('[data-testid="table-row"] td[data-column="BETWEENNESS"]').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-value'))));
    const want = new Map<string, number>(betweenness.map((s: any) => [s.actor.id, s.score]));
    ids.forEach((id, i) => expect(shownBetweenness[i]).toBe(want.get(id!)));
    expect([...shownBetweenness].sort((a, b) => b - a)).toEqual(shownBetweenness);
    // Sort by PageRank (descending, then ascending).
    await page.getByTestId('sort-PAGERANK').click();
    const pr = new Map<string, number>(pagerank.map((s: any) => [s.actor.id, s.score]));
    const byPr = await page.getByTestId('table-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-actor-id')));
    expect(byPr.map((id) => pr.get(id!)!)).toEqual(byPr.map((id) => pr.get(id!)!).sort((a, b) => b - a));
    await page.getByTestId('sort-PAGERANK').click();
    const asc = await page.getByTestId('table-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-actor-id')));
    expect(asc.map((id) => pr.get(id!)!)).toEqual(asc.map((id) => pr.get(id!)!).sort((a, b) => a - b));
    await shot(page, 'table');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toBe(`agencement-operation-${FOOD}-today-actors.csv`);
    const csvPath = join(ARTIFACTS, 'views-actors.csv');
    await download.saveAs(csvPath);
    const text = readFileSync(csvPath, 'utf8').replace(/^\ufeff/, '');
    const lines = text.trim().split('\r\n');
    const head = lines[0]!.split(',');
    expect(head.slice(0, 4)).toEqual(['id', 'name', 'kind', 'sector']);
    expect(lines.length - 1).toBe(nodes);
    // Same order as the table, same PageRank values.
    const prCol = head.indexOf('pagerank');
    const rows = lines.slice(1).map((l) => l.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '')));
    expect(rows.map((r) => r[0])).toEqual(asc);
    for (const r of rows) expect(Number(r[prCol])).toBe(pr.get(r[0]!));
    await page.getByTestId('tab-network').click();
    await drawn(page, `operation:${FOOD}`);
  });

  it('shows a size legend matching the drawn sizes, and labels that never overlap, at any zoom', async () => {
    const close = page.locator('[data-testid="actor-card"] button.close');
    if (await close.count()) await close.click(); // no selection: the labels of the whole drawing
    const { centrality } = await api(`{ centrality(metric: BETWEENNESS, scope: { operation: "${FOOD}" }, top: 1) { score actor { id } } }`);
    const top = centrality[0];
    const items = page.getByTestId('size-legend-item');
    expect(await items.count()).toBe(3);
    expect(Number(await items.first().getAttribute('data-score'))).toBe(top.score);
    // The largest legend circle has the radius of the top actor on the drawing (whole view).
    expect(Number(await items.first().getAttribute('data-r'))).toBeCloseTo((await probe(page, `e.radius(${JSON.stringify(top.actor.id)})`)) as number, 5);
    expect(Number(await items.last().getAttribute('data-score'))).toBe(0);

    const check = async (label: string, atLeast = 1) => {
      // Once the camera has stopped, the label pass and sigma agree (read together, in one frame).
      let boxes: Box[] = [];
      let names: string[] = [];
      for (let i = 0; i < 40; i++) {
        await page.waitForTimeout(250);
        ({ boxes, names } = (await probe(page, '({ boxes: e.labelBoxes(), names: e.labels() })')) as { boxes: Box[]; names: string[] });
        if (boxes.length === names.length) break;
      }
      expect(boxes.length).toBeGreaterThanOrEqual(atLeast);
      expect(boxes.length).toBe(names.length); // sigma draws exactly the labels the pass kept
      expect(overlapping(boxes)).toEqual([]);
      return `${label}: ${boxes.length}`;
    };
    await page.getByTestId('zoom-reset').click(); // choosing an actor had moved the camera to it
    const counts = [await check('whole', 10)];
    await page.locator('#zoom button[data-zoom="0.6"]').click();
    counts.push(await check('zoomed in'));
    await page.locator('#zoom button[data-zoom="0.6"]').click();
    counts.push(await check('zoomed in twice'));
    await shot(page, 'labels-zoomed');
    await page.getByTestId('zoom-reset').click();
    counts.push(await check('reset', 10));
    await shot(page, 'labels');
    console.log(`explorer labels drawn without overlap — ${counts.join(', ')}`);
  });

  it('exports the whole network as PNG and SVG whatever the zoom, and the heat map as PNG and SVG', async () => {
    const { network } = await api(`{ network(scope: { operation: "${FOOD}" }, hideIsolates: true) { nodes { id } edges { id } } }`);
    await page.locator('#zoom button[data-zoom="0.6"]').click();
    await page.locator('#zoom button[data-zoom="0.6"]').click();
    await page.waitForTimeout(450);
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    const pngPath = join(ARTIFACTS, 'views-network-export.png');
    await png.saveAs(pngPath);
    expect(readFileSync(pngPath).subarray(1, 4).toString('latin1')).toBe('PNG');
    await page.waitForFunction(() => !!(globalThis as any).__explorer.lastPng);
    const last = await probe(page, 'e.lastPng');
    expect(last.nodes).toBe(network.nodes.length);
    expect(last.nodesInside).toBe(network.nodes.length); // every actor inside the picture, though zoomed in

    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
    expect(svg.suggestedFilename()).toBe(`agencement-operation-${FOOD}-today.svg`);
    const svgPath = join(ARTIFACTS, 'views-network-export.svg');
    await svg.saveAs(svgPath);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(readFileSync(svgPath, 'utf8')).svg;
    const groups = new Map<string, any>([doc.g].flat().map((g: any) => [g.id, g]));
    const circles = [groups.get('nodes').circle].flat();
    expect(circles.length).toBe(network.nodes.length);
    expect([groups.get('edges').line].flat().length).toBe(network.edges.length);
    const [w, hgt] = [Number(doc.width), Number(doc.height)];
    for (const c of circles) {
      expect(Number(c.cx)).toBeGreaterThanOrEqual(0);
      expect(Number(c.cx)).toBeLessThanOrEqual(w);
      expect(Number(c.cy)).toBeGreaterThanOrEqual(0);
      expect(Number(c.cy)).toBeLessThanOrEqual(hgt);
    }
    expect(new Set(circles.map((c: any) => c['data-id']))).toEqual(new Set(network.nodes.map((n: any) => n.id)));
    // The picture of the export, rasterized by the browser: looked at in test-artifacts.
    const viewer = await context.newPage();
    await viewer.setContent(readFileSync(svgPath, 'utf8'));
    await viewer.screenshot({ path: join(ARTIFACTS, 'views-network-export-svg.png') });
    await viewer.close();
    await page.getByTestId('zoom-reset').click();

    const { transversality: tr } = await api('{ transversality { departments { id } } }');
    await page.getByTestId('tab-transversality').click();
    await page.locator('[data-testid="transversality-view"][data-state="ready"]').waitFor();
    const [heatSvg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-heatmap-svg').click()]);
    const heatSvgPath = join(ARTIFACTS, 'views-heatmap.svg');
    await heatSvg.saveAs(heatSvgPath);
    const heat = readFileSync(heatSvgPath, 'utf8');
    const n = tr.departments.length;
    expect(heat.match(/data-testid="heat-cell"/g)?.length).toBe(n * (n - 1));
    expect(heat).toContain('xmlns="http://www.w3.org/2000/svg"');
    const [heatPng] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-heatmap-png').click()]);
    const heatPngPath = join(ARTIFACTS, 'views-heatmap.png');
    await heatPng.saveAs(heatPngPath);
    const bytes = readFileSync(heatPngPath);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.readUInt32BE(16)).toBeGreaterThan(1000); // width: twice the heat map's, for print
    expect(bytes.length).toBeGreaterThan(20_000);
  });

  it('says the transversality view is council-wide, in French and in English', async () => {
    expect(await page.getByTestId('transversality-scope-note').textContent()).toBe("Vue à l'échelle du Conseil régional (toutes ses directions) : elle ne suit ni le périmètre ni les filtres choisis, seulement la date.");
    await page.getByTestId('lang-toggle').click();
    expect(await page.getByTestId('transversality-scope-note').textContent()).toBe('Council-wide view (all its departments): it follows neither the chosen scope nor the filters, only the date.');
    await shot(page, 'transversality-en', true);
    await page.getByTestId('lang-toggle').click();
    await page.getByTestId('tab-network').click();
    await drawn(page, `operation:${FOOD}`);
  });

  it('shows API errors in the page’s language, the API’s words kept as the detail', async () => {
    const viewer = await t.key('VIEWER');
    const refusal = await t.gql(`{ network(scope: { operation: "${FOOD}" }) { nodes { id } } }`, {}, viewer);
    const p = await (await browser.newContext({ viewport: { width: 1280, height: 820 }, locale: 'fr-FR' })).newPage();
    watch(p, 'viewer');
    try {
      await p.goto(`${base}/explorer/#key=${viewer}&scope=operation:${FOOD}`);
      await drawn(p, `operation:${FOOD}`);
      const bannerFr = await p.getByTestId('error-banner').textContent();
      expect(bannerFr).toBe('Votre clé (rôle VIEWER) ne permet pas cette analyse : il faut le rôle ANALYST, EDITOR ou ADMIN.');
      expect(await p.getByTestId('error-banner').getAttribute('data-detail')).toContain(refusal.errors![0]!.message);
      expect(await p.getByTestId('error-banner').getAttribute('data-code')).toBe('FORBIDDEN');
      await p.locator('[data-testid="figures"][data-state="error"]').waitFor();
      expect(await p.getByTestId('figures-error').textContent()).toContain('il faut le rôle ANALYST');
      await shot(p, 'errors-fr');
      await p.getByTestId('lang-toggle').click();
      expect(await p.getByTestId('error-banner').textContent()).toBe('Your key (role VIEWER) may not run this analysis: it needs role ANALYST, EDITOR or ADMIN.');
      expect(await p.getByTestId('figures-error').textContent()).toContain('it needs role ANALYST');
      await p.getByTestId('lang-toggle').click();
    } finally {
      await p.context().close();
    }
  });

  it('a wrong or revoked key says so, in the page’s language, instead of loading forever', async () => {
    const p = await (await browser.newContext({ viewport: { width: 1280, height: 820 }, locale: 'fr-FR' })).newPage();
    // The browser logs each 401 answer as a console error: those are the point of this test.
    watch(p, 'bad key', [/status of 401/]);
    try {
      await p.goto(`${base}/explorer/#key=agk_not-a-key-at-all`);
      await p.locator('[data-testid="graph-status"][data-state="error"]').waitFor({ timeout: 30_000 });
      const fr = "Clé API refusée : inconnue ou révoquée. Collez une clé valide, ou cliquez « Oublier » pour continuer en lecture publique.";
      expect(await p.getByTestId('graph-status').textContent()).toBe(fr);
      expect(await p.getByTestId('error-banner').textContent()).toBe(fr);
      expect(await p.getByTestId('key-status').textContent()).toBe('clé refusée');
      await p.locator('[data-testid="figures"][data-state="error"]').waitFor();
      expect(await p.getByTestId('figures').textContent()).not.toContain('Chargement');
      await p.getByTestId('lang-toggle').click();
      expect(await p.getByTestId('graph-status').textContent()).toBe('API key refused: unknown or revoked. Paste a valid key, or click “Forget” to go on with public reads.');
      expect(await p.getByTestId('key-status').textContent()).toBe('key refused');
      await shot(p, 'bad-key-en');
      await p.getByTestId('lang-toggle').click();

      // A key that worked, then revoked (as `npm run keys -- revoke` does).
      const revoked = await createKey(t.db, Role.ANALYST, null, 'revoked in the test');
      await p.getByTestId('key-input').fill(revoked.secret);
      await p.getByTestId('key-apply').click();
      await drawn(p, 'program');
      expect(await p.getByTestId('key-status').textContent()).toBe('clé enregistrée dans ce navigateur');
      expect(await revokeKey(t.db, revoked.id)).toBe(true);
      // The API remembers a key for a few seconds: wait until it answers 401.
      while ((await t.gql('{ operations { code } }', {}, revoked.secret)).status !== 401) await new Promise((r) => setTimeout(r, 250));
      await p.reload();
      await p.locator('[data-testid="graph-status"][data-state="error"]').waitFor({ timeout: 30_000 });
      expect(await p.getByTestId('graph-status').textContent()).toBe(fr);
      expect(await p.getByTestId('key-status').textContent()).toBe('clé refusée');
    } finally {
      await p.context().close();
    }
  });

  it('thousands of bondless partner actors: the whole program stays readable (isolates hidden, counted, on a switch)', async () => {
    const before = await api<{ network: { nodes: { id: string }[]; edges: { id: string }[]; isolates: number } }>('{ network(hideIsolates: true) { nodes { id } edges { id } isolates } }');
    const partner = await t.key('PARTNER', 'partner-import');
    const N = 3000;
    const actors = Array.from({ length: N }, (_, i) => ({ externalId: `p${i}`, name: `Partenaire importé ${i}`, kind: 'ORGANIZATION', sector: i % 2 ? 'ECONOMIC' : 'CIVIL_SOCIETY' }));
    const synced = await t.gql('mutation($a: [ActorSyncInput!]!) { syncActors(source: "partner-import", actors: $a) { created } }', { a: actors }, partner);
    expect(synced.errors).toBeUndefined();
    expect(synced.data.syncActors.created).toBe(N);

    await page.getByTestId('scope-select').selectOption('program');
    const shown = await drawn(page, 'program');
    // The same drawing as before the import: the bonded actors and their bonds.
    expect(shown).toEqual({ nodes: before.network.nodes.length, edges: before.network.edges.length });
    const note = page.getByTestId('isolates-note');
    expect(Number(await note.getAttribute('data-count'))).toBe(before.network.isolates + N);
    expect(await note.textContent()).toContain(`${(before.network.isolates + N).toLocaleString('fr-FR')} acteurs sans lien masqués`);
    await shot(page, 'program-after-import');

    // Shown on demand: capped at 2,000 actors, the bonded ones first, so the bonds stay drawn.
    const { network: all } = await api('{ network { nodes { id } edges { id } truncated } }');
    const everything = await redrawn(page, () => page.getByTestId('isolates-toggle').click());
    expect(everything).toEqual({ nodes: all.nodes.length, edges: all.edges.length });
    expect(all.truncated).toBe(true);
    expect(all.edges.length).toBe(before.network.edges.length);
    expect(await page.getByTestId('graph-status').textContent()).toContain('réseau tronqué à 2 000 acteurs');
    await shot(page, 'program-isolates-shown');
    await redrawn(page, () => page.getByTestId('isolates-toggle').click());
    writeFileSync(join(ARTIFACTS, 'views-import.json'), JSON.stringify({ imported: N, drawn: shown, withIsolates: everything }));
    console.log(`explorer: after a partner import of ${N} bondless actors the program view draws ${shown.nodes} actors and ${shown.edges} bonds (${before.network.isolates + N} isolates hidden); shown on demand: ${everything.nodes} actors, ${everything.edges} bonds`);
  });
});
