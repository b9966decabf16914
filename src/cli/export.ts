import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { actorsCsv, bondsCsv, exportRecords } from '../transfer/export';
import { connectForCli } from './connect';

const USAGE = `Usage: npm run export -- [--source SOURCE] [--format json|csv] [--out PATH] [--personal-data]
  json (default): { actors, bonds } to PATH or stdout, in the import format.
  csv: PATH-actors.csv and PATH-bonds.csv (PATH required).
  --personal-data adds email and phone (GDPR: only for operators entitled to them).`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { source: { type: 'string' }, format: { type: 'string', default: 'json' }, out: { type: 'string' }, 'personal-data': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help || !['json', 'csv'].includes(values.format!) || (values.format === 'csv' && !values.out)) {
    console.error(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const config = loadConfig();
  const { db, close } = await connectForCli(config);
  try {
    const data = await exportRecords(db.executor({ op: 'export' }), { source: values.source ?? null, personalData: values['personal-data']! });
    if (values.format === 'csv') {
      writeFileSync(`${values.out}-actors.csv`, actorsCsv(data.actors));
      writeFileSync(`${values.out}-bonds.csv`, bondsCsv(data.bonds));
    } else if (values.out) writeFileSync(values.out, JSON.stringify(data, null, 2));
    else process.stdout.write(JSON.stringify(data, null, 2) + '\n');
    console.error(`Exported ${data.actors.length} actors and ${data.bonds.length} bonds${values.source ? ` of source "${values.source}"` : ''}.`);
  } finally {
    await close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
