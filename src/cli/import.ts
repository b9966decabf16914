import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ACTOR } from '../actors/actor.model';
import { BOND } from '../bonds/bond.model';
import { admitBatch } from '../model/entity';
import { ACTOR_FORMAT, BOND_FORMAT, parseTransferFile, type FileItem, type Format } from '../transfer/records';
import { rejectsCsv, writeCsv, type Dialect } from '../transfer/csv';
import { csvColumns } from '../transfer/export';
import type { FileProblem } from '../transfer/table';
import { labelsOfCodes } from '../transfer/labels-fr';
import { ApiError, apiOptions, gql, type ApiOptions } from './api-client';

/** What one request may carry: the API's default body limit is 1 MB (MAX_BODY_BYTES). */
const MAX_BATCH_BYTES = 900_000;
const MAX_BATCH_ITEMS = 5000;

function columnsHelp(f: Format): string {
  return f.columns
    .map((c) => {
      const field = f.entity.fields[c.name];
      const values = field?.values ? `: ${field.values.map((v) => `${v}${labelFr(v) ? ` « ${labelFr(v)} »` : ''}`).join(', ')}` : '';
      return `    ${c.name}${c.required ? ' (required)' : ''}${c.aliases?.length ? ` [${c.aliases.join(', ')}]` : ''}${values}`;
    })
    .join('\n');
}
const labelFr = (code: string): string | undefined => labelsOfCodes([code])[code]?.[0];

const USAGE = `Usage: npm run import -- FILE --source SOURCE [--api URL] [--key KEY] [--dry-run] [--rejects FILE] [--batch-size N]
       npm run import -- --template [actors|bonds] [--dialect excel-fr|rfc4180] > modele.csv

Sends FILE through the API's syncActors/syncBonds with KEY's rights (env AGENCEMENT_API_URL, default
http://localhost:4000, and AGENCEMENT_API_KEY). A PARTNER key imports into its own source only.

FILE: CSV (separator , ; or tab; UTF-8 with or without BOM, or Windows-1252; French headers and labels,
decimal commas, dd/mm/yyyy dates; blank rows ignored) with one actor per row, or one bond per row when
it has from/to columns; or JSON: an array of actors, or { "actors": [...], "bonds": [...] }.

The whole file is checked first, every problem named by line and column, and nothing is written when
any row is wrong (--rejects FILE writes the bad rows with a reason column). Then the API checks it
too (a dry run), then writes it in batches, each all-or-nothing. If writing stops midway, it says which
lines were committed; running the same command again completes the file (the import is idempotent).
--dry-run: check everything and print what would be created/updated/unchanged, writing nothing.
--batch-size N: at most N rows a request (default and maximum 5000; requests also stay under ~900 KB).
Exit code 0 only when every row was written (or, with --dry-run, would be).

Actor columns (name [French aliases]: allowed values):
${columnsHelp(ACTOR_FORMAT)}
Bond columns (from/to: an externalId of the same source, source/externalId, or an API id act_…):
${columnsHelp(BOND_FORMAT)}`;

const SYNC_ACTORS = `mutation ($source: String!, $actors: [ActorSyncInput!]!, $dryRun: Boolean) { syncActors(source: $source, actors: $actors, dryRun: $dryRun) { created updated unchanged } }`;
const SYNC_BONDS = `mutation ($source: String!, $bonds: [BondSyncInput!]!, $dryRun: Boolean) { syncBonds(source: $source, bonds: $bonds, dryRun: $dryRun) { created updated unchanged } }`;

interface Batch<T> {
  items: FileItem<T>[];
}

/** Batches of at most MAX_BATCH_ITEMS items and MAX_BATCH_BYTES of JSON, in file order. */
export function batches<T>(items: FileItem<T>[], maxItems = MAX_BATCH_ITEMS, maxBytes = MAX_BATCH_BYTES): Batch<T>[] {
  const out: Batch<T>[] = [];
  let current: FileItem<T>[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = Buffer.byteLength(JSON.stringify(item.input)) + 1;
    if (current.length && (current.length >= maxItems || bytes + size > maxBytes)) {
      out.push({ items: current });
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length) out.push({ items: current });
  return out;
}

const where = (item: FileItem<unknown>): string => (item.line != null ? `line ${item.line}` : `item ${item.index}`);
const span = (items: FileItem<unknown>[]): string => (items.length ? `${where(items[0])}${items.length > 1 ? ` to ${where(items[items.length - 1]).replace(/^(line|item) /, '')}` : ''}` : 'none');

/** Problems of the gate (paths like `actors.3.name`) as file problems (line 4, column name). */
function fileProblems<T>(problems: { field: string; message: string }[], items: FileItem<T>[], label: string): FileProblem[] {
  return problems.map((p) => {
    const m = new RegExp(`^${label}\\.(\\d+)\\.?(.*)$`).exec(p.field);
    const item = m ? items[Number(m[1])] : undefined;
    const column = m?.[2] ? m[2].split('.')[0] : null;
    const value = item && column ? (item.input as Record<string, unknown>)[column] : null;
    return { line: item?.line ?? null, column, value: value == null ? null : typeof value === 'string' ? value : JSON.stringify(value), message: `${item ? `${where(item)}: ` : ''}${column ?? p.field} ${p.message}` };
  });
}

function printProblems(problems: FileProblem[]): void {
  const shown = problems.slice(0, 50);
  for (const p of shown) {
    const at = p.line != null && !p.message.startsWith('line ') ? `line ${p.line}: ` : '';
    console.error(`  ${at}${p.message}${p.value != null && p.value !== '' && !p.message.includes(JSON.stringify(p.value)) ? ` (value ${JSON.stringify(p.value)})` : ''}`);
  }
  if (problems.length > shown.length) console.error(`  ... and ${problems.length - shown.length} more (--rejects FILE lists every bad row)`);
}

interface Totals {
  created: number;
  updated: number;
  unchanged: number;
}

async function send<T>(o: ApiOptions, kind: 'actors' | 'bonds', source: string, list: Batch<T>[], dryRun: boolean, done: FileItem<T>[]): Promise<Totals> {
  const t: Totals = { created: 0, updated: 0, unchanged: 0 };
  for (const b of list) {
    const vars = { source, dryRun, [kind]: b.items.map((i) => i.input) };
    const data = await gql<Record<string, Totals>>(o, kind === 'actors' ? SYNC_ACTORS : SYNC_BONDS, vars);
    const r = data[kind === 'actors' ? 'syncActors' : 'syncBonds'];
    t.created += r.created;
    t.updated += r.updated;
    t.unchanged += r.unchanged;
    done.push(...b.items);
  }
  return t;
}

function template(kind: string, dialect: Dialect): string {
  if (kind === 'bonds') {
    const cols = csvColumns(BOND, BOND_FORMAT.columns.map((c) => c.name));
    return writeCsv([{ externalId: 'lien-001', from: 'adh-001', to: 'adh-002', kind: 'SUPPLIES', weight: 2.5, since: '2014-03-01', until: '', description: 'Approvisionnement en farine locale', directed: '' }], cols, dialect);
  }
  const cols = csvColumns(ACTOR, ACTOR_FORMAT.columns.map((c) => c.name));
  return writeCsv(
    [
      { externalId: 'adh-001', name: 'Coopérative agricole du Ternois', kind: 'ORGANIZATION', sector: 'ECONOMIC', description: 'Céréales et légumes de plein champ', territory: 'Ternois', tags: 'value-chain:producer', email: '', phone: '' },
      { externalId: 'adh-002', name: 'Élise Dupré', kind: 'PERSON', sector: 'CITIZENS', description: '', territory: 'Audomarois', tags: '', email: 'elise.dupre@example.org', phone: '+33 6 12 34 56 78' },
    ],
    cols,
    dialect,
  );
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      source: { type: 'string' },
      api: { type: 'string' },
      key: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      rejects: { type: 'string' },
      'batch-size': { type: 'string', default: String(MAX_BATCH_ITEMS) },
      template: { type: 'boolean', default: false },
      dialect: { type: 'string', default: 'excel-fr' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.template) {
    process.stdout.write(template(positionals[0] ?? 'actors', values.dialect === 'rfc4180' ? 'rfc4180' : 'excel-fr'));
    return 0;
  }
  if (positionals.length !== 1 || !values.source) {
    console.error(USAGE);
    return 2;
  }
  const [path] = positionals;
  const source = values.source;
  const dryRun = values['dry-run']!;
  const o = apiOptions(values);
  const file = parseTransferFile(path, readFileSync(path));
  // The gate, on the whole file first: every problem with its line, before anything is sent.
  const problems = [...file.problems];
  const actorCheck = admitBatch(ACTOR, file.actors.map((i) => i.input), 'actors');
  problems.push(...fileProblems(actorCheck.problems, file.actors, 'actors'));
  const bondCheck = admitBatch(BOND, file.bonds.map((i) => i.input), 'bonds');
  problems.push(...fileProblems(bondCheck.problems, file.bonds, 'bonds'));
  if (file.unknownColumns.length) console.error(`Ignored columns: ${file.unknownColumns.join(', ')} (npm run import -- --help lists the columns)`);
  if (problems.length) {
    const lines = new Set(problems.map((p) => p.line).filter((l) => l != null));
    console.error(`${path}: ${problems.length} problem${problems.length > 1 ? 's' : ''}${lines.size ? ` on ${lines.size} line${lines.size > 1 ? 's' : ''}` : ''}; nothing was written:`);
    printProblems(problems);
    if (values.rejects && file.format) {
      const columns = file.format.columns.map((c) => c.name);
      writeFileSync(values.rejects, rejectsCsv(file.rows, problems, columns, file.separator === ';' ? 'excel-fr' : 'rfc4180'));
      console.error(`The bad rows are in ${values.rejects}, with a reason column.`);
    }
    return 1;
  }
  const size = Number(values['batch-size']);
  if (!Number.isInteger(size) || size < 1 || size > MAX_BATCH_ITEMS) {
    console.error(`--batch-size must be a whole number from 1 to ${MAX_BATCH_ITEMS} (the API's MAX_SYNC_ITEMS default)`);
    return 2;
  }
  const actorBatches = batches(file.actors, size);
  const bondBatches = batches(file.bonds, size);
  const committed: FileItem<unknown>[] = [];
  const t0 = Date.now();
  try {
    // The API's own checks (access, references) on every batch before the first write.
    const planned = await send(o, 'actors', source, actorBatches, true, []);
    const plannedBonds = file.actors.length ? null : await send(o, 'bonds', source, bondBatches, true, []);
    if (dryRun) {
      const b = plannedBonds ? `; bonds: ${plannedBonds.created} would be created, ${plannedBonds.updated} updated, ${plannedBonds.unchanged} unchanged` : file.bonds.length ? `; ${file.bonds.length} bonds checked in the file only (their ends are among its actors)` : '';
      console.log(`Dry run of ${path} into source "${source}" (${file.actors.length} actors, ${file.bonds.length} bonds, nothing written): ${planned.created} would be created, ${planned.updated} updated, ${planned.unchanged} unchanged${b}.`);
      return 0;
    }
    const a = await send(o, 'actors', source, actorBatches, false, committed as FileItem<any>[]);
    const b = await send(o, 'bonds', source, bondBatches, false, committed as FileItem<any>[]);
    const total = { created: a.created + b.created, updated: a.updated + b.updated, unchanged: a.unchanged + b.unchanged };
    console.log(`Imported ${file.actors.length} actors and ${file.bonds.length} bonds into source "${source}" in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${total.created} created, ${total.updated} updated, ${total.unchanged} unchanged.`);
    return 0;
  } catch (err) {
    const e = err instanceof ApiError ? err : new ApiError(err instanceof Error ? err.message : String(err), 'INTERNAL_SERVER_ERROR');
    console.error(`The API refused the import (${e.code}): ${e.message}`);
    if (committed.length === 0) console.error('Nothing was written.');
    else {
      const rest = file.actors.length + file.bonds.length - committed.length;
      console.error(`Committed before it stopped: ${committed.length} rows (${span(committed)}); not written: ${rest} rows. Run the same command again to complete the file: rows already written come back UNCHANGED.`);
    }
    return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
