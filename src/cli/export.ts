import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ApiError, apiOptions, download } from './api-client';

const USAGE = `Usage: npm run export -- [--source S] [--format json|csv] [--dialect rfc4180|excel-fr] [--out PATH] [--personal-data] [--api URL] [--key KEY]
  Fetches the records from the API (env AGENCEMENT_API_URL, default http://localhost:4000, and AGENCEMENT_API_KEY).
  json (default): { actors, bonds } to PATH or stdout, in the import format.
  csv: PATH-actors.csv and PATH-bonds.csv (PATH required); --dialect excel-fr for French Excel (; BOM, decimal comma, French labels).
  --personal-data adds email and phone (needs an EDITOR or ADMIN key).`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      source: { type: 'string' },
      format: { type: 'string', default: 'json' },
      dialect: { type: 'string', default: 'rfc4180' },
      out: { type: 'string' },
      'personal-data': { type: 'boolean', default: false },
      api: { type: 'string' },
      key: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !['json', 'csv'].includes(values.format!) || !['rfc4180', 'excel-fr'].includes(values.dialect!) || (values.format === 'csv' && !values.out)) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const o = apiOptions(values);
  const q = new URLSearchParams({ ...(values.source ? { source: values.source } : {}), ...(values['personal-data'] ? { personalData: 'true' } : {}), dialect: values.dialect! });
  try {
    if (values.format === 'csv') {
      writeFileSync(`${values.out}-actors.csv`, await download(o, `/export/records-actors.csv?${q}`));
      writeFileSync(`${values.out}-bonds.csv`, await download(o, `/export/records-bonds.csv?${q}`));
      console.error(`Exported to ${values.out}-actors.csv and ${values.out}-bonds.csv${values.source ? ` (source "${values.source}")` : ''}.`);
    } else {
      const bytes = await download(o, `/export/records.json?${q}`);
      const data = JSON.parse(bytes.toString('utf8'));
      const text = JSON.stringify(data, null, 2);
      if (values.out) writeFileSync(values.out, text);
      else process.stdout.write(text + '\n');
      console.error(`Exported ${data.actors.length} actors and ${data.bonds.length} bonds${values.source ? ` of source "${values.source}"` : ''}.`);
    }
    return 0;
  } catch (err) {
    console.error(err instanceof ApiError ? `The API refused the export (${err.code}): ${err.message}` : err instanceof Error ? err.message : String(err));
    return 1;
  }
}

main().then((code) => process.exit(code));
