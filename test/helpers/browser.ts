/**
 * What the browser tests share: Debian's Chromium (or CHROMIUM_PATH) driven by playwright-core,
 * the screenshots' folder, and a `describe` that skips with a warning when Chromium is missing
 * (unless CI is set: then the suite runs, and fails).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = join(__dirname, '..', '..');
export const ARTIFACTS = join(ROOT, 'test-artifacts');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'];

/** `describe` for a browser suite (`what` names it in the warning when it is skipped). */
export function describeBrowser(what: string): jest.Describe {
  const have = existsSync(CHROMIUM);
  if (!have && !process.env.CI) console.warn(`${what} skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  return have || process.env.CI ? describe : describe.skip;
}

export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

/** Builds the explorer and the report (scripts/build-explorer.mjs) when a checkout lacks one of `files` (npm ci --ignore-scripts). */
export function ensureBuilt(...files: string[]): void {
  if (files.some((f) => !existsSync(f))) execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-explorer.mjs')], { stdio: 'inherit' });
}

/** Collects a page's console errors (but those matching `allow`) and page errors into `problems`, labelled. */
export function watchPage(problems: string[], page: Page, label: string, allow: readonly RegExp[] = []): void {
  page.on('console', (m) => {
    if (m.type() === 'error' && !allow.some((r) => r.test(m.text()))) problems.push(`[${label}] console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`[${label}] page error: ${e.message}`));
}
