/**
 * Partner files as French offices save them, imported with the CLI (an API client with a PARTNER
 * key) and read back through GraphQL. The files are made here, byte by byte.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestApp, type TestApp } from '../helpers/app';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'agencement-files-'));

/** Windows-1252 bytes of a string of Latin-1 and the few cp1252 characters used here. */
function cp1252(s: string): Buffer {
  const high: Record<string, number> = { '€': 0x80, '’': 0x92, 'œ': 0x9c, 'Œ': 0x8c };
  return Buffer.from([...s].map((c) => high[c] ?? c.charCodeAt(0)));
}

describe('partner files', () => {
  let t: TestApp;
  let env: NodeJS.ProcessEnv;
  const cli = (args: string[]): Promise<{ code?: number; stdout: string; stderr: string }> => run('npx', ['ts-node', '--transpile-only', 'src/cli/import.ts', ...args], { env, cwd: ROOT, maxBuffer: 20 * 1024 * 1024 }).catch((e) => e as { code: number; stdout: string; stderr: string });
  const names = async (source: string) =>
    (await t.gql(`query ($s: String!) { actors(filter: { source: $s }, orderBy: { field: NAME }, first: 100) { totalCount edges { node { externalId name kind sector description territory tags } } } }`, { s: source }, undefined)).data.actors;

  beforeAll(async () => {
    t = await startTestApp();
    env = { ...process.env, LOG_LEVEL: 'silent', AGENCEMENT_API_URL: t.app.url.replace(/\/graphql$/, ''), AGENCEMENT_API_KEY: await t.key('PARTNER', 'cma') };
  });
  afterAll(() => t.stop());

  it('reads an Excel-fr file (BOM, CRLF, ;, French headers and labels) and stores it byte for byte', async () => {
    const text = '\uFEFFidentifiant;nom;nature;secteur;territoire;étiquettes;description\r\n' +
      'cma-1;Coopérative agricole du Ternois;Organisation;Économique;Ternois;value-chain:producer | bio;"Céréales, légumes ; plein champ"\r\n' +
      'cma-2;Élise Dupré;Personne;Société civile;Audomarois;;\r\n' +
      ';;;;;;\r\n;;;;;;\r\n';
    const file = join(dir, 'excel-fr.csv');
    writeFileSync(file, text, 'utf8');
    const out = await cli([file, '--source', 'cma']);
    expect(out.stdout).toMatch(/2 created, 0 updated, 0 unchanged/);
    const got = await names('cma');
    expect(got.edges.map((e: any) => e.node)).toEqual([
      { externalId: 'cma-1', name: 'Coopérative agricole du Ternois', kind: 'ORGANIZATION', sector: 'ECONOMIC', description: 'Céréales, légumes ; plein champ', territory: 'Ternois', tags: ['value-chain:producer', 'bio'] },
      { externalId: 'cma-2', name: 'Élise Dupré', kind: 'PERSON', sector: 'CIVIL_SOCIETY', description: null, territory: 'Audomarois', tags: [] },
    ]);
  }, 120_000);

  it('decodes a Windows-1252 file instead of storing U+FFFD', async () => {
    const file = join(dir, 'cp1252.csv');
    writeFileSync(file, cp1252('identifiant;nom;nature;secteur;description\r\ncma-3;Chambre d’agriculture Œuvre commune;Organisation;Économique;Budget 5 000 €\r\n'));
    const out = await cli([file, '--source', 'cma']);
    expect(out.stdout).toMatch(/1 created/);
    const got = (await names('cma')).edges.map((e: any) => e.node).find((n: any) => n.externalId === 'cma-3');
    expect(got.name).toBe('Chambre d’agriculture Œuvre commune');
    expect(got.description).toBe('Budget 5 000 €');
    expect(JSON.stringify(got)).not.toContain('\uFFFD');
  }, 120_000);

  it('refuses a large file with one bad row in the middle, naming its file line, and writes nothing', async () => {
    const rows = ['externalId,name,kind,sector'];
    for (let i = 0; i < 12000; i++) rows.push(`big-${i},Entreprise ${i},ORGANIZATION,ECONOMIC`);
    rows[6000] = 'big-5999,   ,ORGANIZATION,ECONOMIC'; // file line 6001: a blank name
    const file = join(dir, 'big.csv');
    const rejects = join(dir, 'rejects.csv');
    writeFileSync(file, rows.join('\n'));
    const out = await cli([file, '--source', 'cma', '--rejects', rejects]);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/line 6001/);
    expect(out.stderr).toMatch(/name/);
    expect(out.stderr).toMatch(/nothing was written/);
    expect(readFileSync(rejects, 'utf8')).toMatch(/big-5999.*6001/);
    expect((await t.gql(`{ actors(search: "Entreprise") { totalCount } }`)).data.actors.totalCount).toBe(0);
  }, 180_000);

  it('dry-runs then imports 5,000 realistic actors (over 1 MB of JSON) with default settings, with the same counts', async () => {
    const rows = ['identifiant;nom;nature;secteur;territoire;étiquettes;description'];
    for (let i = 0; i < 5000; i++) rows.push(`adh-${i};Association de quartier n°${i} — « Vivre ensemble »;Organisation;Société civile;Bassin minier;ess | quartier | cma;${'Animation, jardins partagés, repair café et accompagnement des habitants. '.repeat(4)}`);
    const file = join(dir, 'adherents.csv');
    writeFileSync(file, '\uFEFF' + rows.join('\r\n'), 'utf8');
    expect(Buffer.byteLength(rows.join('\n'))).toBeGreaterThan(1_000_000);
    const head = async () => (await t.gql(`{ changes(first: 1) { headSeq } }`, {}, env.AGENCEMENT_API_KEY)).data.changes.headSeq;
    const feedBefore = await head();
    const dry = await cli([file, '--source', 'cma', '--dry-run']);
    expect(dry.stdout).toMatch(/5000 would be created, 0 updated, 0 unchanged/);
    expect((await t.gql(`{ actors(search: "quartier") { totalCount } }`)).data.actors.totalCount).toBe(0);
    expect(await head()).toBe(feedBefore); // not even the change feed
    const real = await cli([file, '--source', 'cma']);
    expect(real.stdout).toMatch(/5000 created, 0 updated, 0 unchanged/);
  }, 300_000);
});
