/**
 * Throughput of a large valid partner import: an Excel-fr CSV (BOM, `;`, French headers and labels)
 * of realistic actors, through `npm run import`'s code path (the CLI, an API client) into our API
 * on a fresh Neo4j. Prints the file size, the dry run's and the import's wall time and rows/s, and a
 * replay (every row UNCHANGED).
 *   npx ts-node --transpile-only bench/import.ts [--rows 20000]
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { startBenchStack, rng } from './stack';

const run = promisify(execFile);
const SECTORS = ['Économique', 'Société civile', 'Recherche', 'Politique', 'Citoyens'];
const TERRITORIES = ['Artois', 'Audomarois', 'Bassin minier', 'Ternois', 'Boulonnais'];

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rows: { type: 'string', default: '20000' } } });
  const n = Number(values.rows);
  const rand = rng(7);
  const lines = ['identifiant;nom;nature;secteur;territoire;étiquettes;description'];
  for (let i = 0; i < n; i++) {
    const sector = SECTORS[Math.floor(rand() * SECTORS.length)];
    lines.push(`adh-${i};Structure adhérente n°${i} « ${sector} »;Organisation;${sector};${TERRITORIES[i % TERRITORIES.length]};réseau | adhérent | ${i % 7};"Activité n°${i} : accompagnement, formation ; animation du territoire. ${'Texte de présentation réaliste. '.repeat(3)}"`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'agencement-import-bench-'));
  const file = join(dir, 'adherents.csv');
  writeFileSync(file, '\uFEFF' + lines.join('\r\n'), 'utf8');
  const stack = await startBenchStack();
  const env = { ...process.env, AGENCEMENT_API_URL: stack.app.url.replace(/\/graphql$/, ''), AGENCEMENT_API_KEY: stack.adminKey };
  const cli = async (args: string[]) => {
    const t0 = performance.now();
    const out = await run('npx', ['ts-node', '--transpile-only', join(__dirname, '..', 'src', 'cli', 'import.ts'), file, '--source', 'bench', ...args], { env, maxBuffer: 1 << 24 });
    return { ms: performance.now() - t0, line: out.stdout.trim().split('\n').pop() };
  };
  try {
    const mb = statSync(file).size / 1e6;
    const dry = await cli(['--dry-run']);
    const first = await cli([]);
    const replay = await cli([]);
    const rate = (ms: number) => Math.round(n / (ms / 1000));
    console.log(`file: ${n} actors, ${mb.toFixed(1)} MB (Excel-fr, UTF-8 BOM, ;)`);
    console.log(`dry run: ${(dry.ms / 1000).toFixed(1)} s, ${rate(dry.ms)} rows/s — ${dry.line}`);
    console.log(`import:  ${(first.ms / 1000).toFixed(1)} s, ${rate(first.ms)} rows/s — ${first.line}`);
    console.log(`replay:  ${(replay.ms / 1000).toFixed(1)} s, ${rate(replay.ms)} rows/s — ${replay.line}`);
    console.log('(wall time of the CLI process, including ts-node start-up, the file check, the API dry run of every batch and the writes)');
  } finally {
    await stack.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
