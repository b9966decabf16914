/**
 * The evaluation report (/report/) in a real browser (Debian's Chromium through playwright-core)
 * on the demo data: no console or page error, the figures on the page equal the API's, a PDF
 * (print CSS) and screenshots in test-artifacts/. Skipped without Chromium unless CI is set.
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, ROOT, describeBrowser, ensureBuilt, launchChromium, watchPage } from '../helpers/browser';
import { startTestApp, type TestApp } from '../helpers/app';
import { REPORT_DIR } from '../../src/http/report.route';

const describeBrowserSuite = describeBrowser('report browser tests');

interface Probe { ready: boolean; error: string | null; lang: string; figures: Record<string, number | null> }

describeBrowserSuite('the evaluation report in Chromium', () => {
  let t: TestApp;
  let key: string;
  let base: string;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  const ready = async (p: Page): Promise<Probe> => {
    // A function, not a string: the page's CSP (script-src 'self') forbids evaluating strings.
    await p.waitForFunction(() => (globalThis as any).__report?.ready === true, undefined, { timeout: 120_000 });
    return (await p.evaluate('window.__report')) as Probe;
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    ensureBuilt(join(REPORT_DIR, 'index.html'));
    t = await startTestApp({ seedDemo: true });
    key = await t.key('ANALYST');
    base = `http://127.0.0.1:${t.app.port}`;
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'fr-FR' });
    page = await context.newPage();
    watchPage(problems, page, 'report');
  });
  afterEach(() => expect(problems.splice(0)).toEqual([]));
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('shows the program report with the API figures, dated, and prints it to PDF', async () => {
    expect((await fetch(`${base}/report`, { redirect: 'manual' })).headers.get('location')).toBe('/report/');
    const api = await t.gql(`{ evaluation { program { attainment funding { total } } operations { code attainment actorCount density funding { total } } correlations { figure rho } } }`, {}, key);
    expect(api.errors).toBeUndefined();
    await page.goto(`${base}/report/#key=${key}`);
    const probe = await ready(page);
    expect(probe.error).toBeNull();
    const e = api.data.evaluation;
    expect(probe.figures['program.fundingTotal']).toBe(e.program.funding.total);
    expect(e.program.funding.total).toBeGreaterThan(0);
    expect(probe.figures['program.attainment']).toBe(e.program.attainment);
    for (const o of e.operations) {
      expect(probe.figures[`${o.code}.fundingTotal`]).toBe(o.funding.total);
      expect(probe.figures[`${o.code}.attainment`]).toBe(o.attainment);
      expect(probe.figures[`${o.code}.actorCount`]).toBe(o.actorCount);
      expect(probe.figures[`${o.code}.density`]).toBe(o.density);
    }
    for (const c of e.correlations) expect(probe.figures[`rho.${c.figure}`]).toBe(c.rho);
    // Shown as the French reader expects them, and dated.
    const total = await page.textContent('[data-figure="program.fundingTotal"]');
    expect(total!.replace(/[\u202f\u00a0]/g, ' ')).toMatch(/^\d{1,3}( \d{3})* €$/);
    expect(await page.textContent('.dates')).toMatch(/Rapport établi le .* · Données : toutes, dernières valeurs/);
    expect(await page.locator('section.operation').count()).toBe(9);
    expect(await page.locator('svg.chart').count()).toBeGreaterThan(20);
    await page.screenshot({ path: join(ARTIFACTS, 'report-program.png'), fullPage: false });
    await page.screenshot({ path: join(ROOT, 'docs', 'report.png'), clip: { x: 0, y: 0, width: 1100, height: 760 } });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#toolbar').isVisible()).toBe(false);
    await page.screenshot({ path: join(ARTIFACTS, 'report-program-print.png'), fullPage: false });
    await page.emulateMedia({ media: 'screen' });
    const pdf = join(ARTIFACTS, 'report-program.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // One page per operation at least (print CSS breaks before each).
    expect((bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThanOrEqual(10);
  });

  it("shows one operation's report (series, sector mix, network) and switches to English", async () => {
    const api = await t.gql(`{ evaluation { operations { code name attainment funding { total } indicators { name } } } network(scope: { operation: "FOREST_WOOD" }) { nodes { id } } }`, {}, key);
    const wood = api.data.evaluation.operations.find((o: any) => o.code === 'FOREST_WOOD');
    await page.goto(`${base}/report/?operation=FOREST_WOOD`);
    const probe = await ready(page);
    expect(probe.figures['FOREST_WOOD.fundingTotal']).toBe(wood.funding.total);
    expect(probe.figures['FOREST_WOOD.attainment']).toBe(wood.attainment);
    expect(await page.textContent('h2')).toBe(wood.name);
    expect(await page.locator('figure.indicator').count()).toBe(wood.indicators.length);
    expect(await page.locator('svg.network circle').count()).toBe(api.data.network.nodes.length);
    // The seed's own figure: 1,000 jobs in the wood sector.
    expect((await page.textContent('section.operation'))!.replace(/[\u202f\u00a0]/g, ' ')).toContain('Emplois créés dans la filière bois (emplois) — 1 000');
    await page.screenshot({ path: join(ARTIFACTS, 'report-forest-wood.png'), fullPage: true });
    await page.click('#lang');
    await page.waitForFunction(() => (globalThis as any).__report.ready && (globalThis as any).__report.lang === 'en');
    expect(await page.textContent('.dates')).toMatch(/^Report made on/);
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    await page.screenshot({ path: join(ARTIFACTS, 'report-forest-wood-en.png'), fullPage: false });
    await page.pdf({ path: join(ARTIFACTS, 'report-forest-wood.pdf'), format: 'A4', printBackground: true });
    expect(statSync(join(ARTIFACTS, 'report-forest-wood.pdf')).size).toBeGreaterThan(10_000);
  });

  it('asks for a key when the caller may not run the evaluation, without a console error', async () => {
    const viewer = await t.key('VIEWER');
    await page.goto(`${base}/report/#key=${viewer}`);
    const probe = await ready(page);
    expect(probe.error).toBe('FORBIDDEN');
    expect(await page.locator('#key-form').count()).toBe(1);
  });
});
