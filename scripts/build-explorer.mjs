#!/usr/bin/env node
/**
 * Builds the analysts' explorer (explorer/main.ts) and the offline GraphiQL page
 * (explorer/graphiql/main.tsx) with esbuild into public/explorer/ (gitignored), served by the API at
 * /explorer/ (GraphiQL's files under /explorer/graphiql/, its page at GET /graphql). No CDN, no
 * network. Runs as `npm run build:explorer` and as npm's postinstall, so `npm ci` builds it.
 *
 * It builds into a temporary folder and swaps it in, so a running server never serves half a build.
 * Prints one line. As postinstall, a failure only warns (the API works without the explorer, which
 * then answers 503 "run npm run build:explorer"); run directly, it exits 1.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const src = join(root, 'explorer');
const publicDir = join(root, 'public');
const out = join(publicDir, 'explorer');
const tmp = join(publicDir, `.explorer-build-${process.pid}`);
const asPostinstall = process.env.npm_lifecycle_event === 'postinstall';

function done(line, code = 0) {
  (code ? console.error : console.log)(line);
  process.exit(code);
}

if (!existsSync(join(src, 'main.ts'))) done('build-explorer: skipped (no explorer/ sources here)');

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  done('build-explorer: skipped (esbuild is not installed; run npm install)', asPostinstall ? 0 : 1);
}

const t0 = Date.now();
const common = {
  absWorkingDir: root,
  bundle: true,
  minify: true,
  sourcemap: 'linked',
  format: 'iife',
  target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
  define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
  legalComments: 'linked',
  logLevel: 'silent',
  loader: { '.svg': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl' },
};

/** The evaluation report (report/ → public/report/, served at /report/): its own bundle, swapped in the same way. */
async function buildReport() {
  const from = join(root, 'report');
  if (!existsSync(join(from, 'main.ts'))) return;
  const to = join(publicDir, 'report');
  const building = join(publicDir, `.report-build-${process.pid}`);
  await rm(building, { recursive: true, force: true });
  await mkdir(building, { recursive: true });
  await esbuild.build({ ...common, entryPoints: { report: join(from, 'main.ts') }, outdir: building });
  for (const f of ['index.html', 'report.css']) await copyFile(join(from, f), join(building, f));
  const previous = `${to}.old-${process.pid}`;
  if (existsSync(to)) await rename(to, previous);
  await rename(building, to);
  await rm(previous, { recursive: true, force: true });
}

try {
  await rm(tmp, { recursive: true, force: true });
  await mkdir(join(tmp, 'graphiql'), { recursive: true });
  await Promise.all([
    esbuild.build({ ...common, entryPoints: { main: join(src, 'main.ts') }, outdir: tmp }),
    esbuild.build({ ...common, entryPoints: { graphiql: join(src, 'graphiql', 'main.tsx') }, outdir: join(tmp, 'graphiql'), jsx: 'automatic' }),
  ]);
  await copyFile(join(src, 'index.html'), join(tmp, 'index.html'));
  const old = `${out}.old-${process.pid}`;
  if (existsSync(out)) await rename(out, old);
  await rename(tmp, out);
  await rm(old, { recursive: true, force: true });
  await buildReport();
  const kb = async (p) => Math.round((await stat(join(out, p))).size / 1024);
  done(`build-explorer: public/explorer built in ${Date.now() - t0} ms (main.js ${await kb('main.js')} kB, graphiql/graphiql.js ${await kb('graphiql/graphiql.js')} kB)`);
} catch (err) {
  await rm(tmp, { recursive: true, force: true }).catch(() => {});
  const first = err?.errors?.[0];
  const where = first?.location ? ` (${first.location.file}:${first.location.line})` : '';
  const message = (first?.text ?? err?.message ?? String(err)).split('\n')[0];
  done(`build-explorer: FAILED: ${message}${where}${asPostinstall ? ' — the API still works; fix and run npm run build:explorer' : ''}`, asPostinstall ? 0 : 1);
}
