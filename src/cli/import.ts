import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { parseTransferFile } from '../transfer/records';
import { syncActors, syncBonds } from '../sync/sync.service';
import { AppError } from '../errors';
import { connectForCli } from './connect';
import { cliContext } from './context';
import { progress } from './progress';

const USAGE = `Usage: npm run import -- FILE --source SOURCE
  FILE: .json (an array of actors, or { "actors": [...], "bonds": [...] }) or .csv (actors, or bonds when
  it has from/to columns). Runs the same idempotent sync as the API, in batches of MAX_SYNC_ITEMS
  (each batch all-or-nothing): importing the same file twice changes nothing.`;

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { source: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help || positionals.length !== 1 || !values.source) {
    console.error(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const [file] = positionals;
  const source = values.source!;
  const data = parseTransferFile(file, readFileSync(file, 'utf8'));
  const config = loadConfig();
  const { db, close } = await connectForCli(config);
  const totals = { created: 0, updated: 0, unchanged: 0 };
  const t0 = Date.now();
  try {
    const ctx = cliContext(db, config, 'import');
    const size = config.MAX_SYNC_ITEMS;
    for (const [label, items, run] of [
      ['actors', data.actors, (batch: any[]) => syncActors(ctx, source, batch)],
      ['bonds', data.bonds, (batch: any[]) => syncBonds(ctx, source, batch)],
    ] as const) {
      if (!items.length) continue;
      const bar = progress(`importing ${label}`, items.length);
      for (let i = 0; i < items.length; i += size) {
        const r = await run(items.slice(i, i + size) as any[]);
        totals.created += r.created;
        totals.updated += r.updated;
        totals.unchanged += r.unchanged;
        bar.update(Math.min(i + size, items.length));
      }
      bar.end();
    }
    console.log(`Imported ${data.actors.length} actors and ${data.bonds.length} bonds into source "${source}" in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${totals.created} created, ${totals.updated} updated, ${totals.unchanged} unchanged.`);
  } finally {
    await close();
  }
}

main().catch((err) => {
  if (err instanceof AppError && Array.isArray(err.extensions.invalid)) {
    console.error(err.message);
  } else console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
