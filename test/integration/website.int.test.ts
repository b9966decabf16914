/** Actor.website, added as one entry of the actor's table: every door and every reader has it. */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestApp, type TestApp } from '../helpers/app';

const run = promisify(execFile);

describe('Actor.website', () => {
  let t: TestApp;
  let editor: string;
  beforeAll(async () => {
    t = await startTestApp();
    editor = await t.key('EDITOR');
  });
  afterAll(() => t.stop());

  it('is written by create, update and sync, refused when not an http(s) URL, and read back everywhere', async () => {
    const created = await t.gql(`mutation { createActor(input: { name: "Ferme du Moulin", kind: ORGANIZATION, sector: ECONOMIC, website: " https://ferme-du-moulin.example/ " }) { id website } }`, {}, editor);
    expect(created.data.createActor.website).toBe('https://ferme-du-moulin.example/');
    const id = created.data.createActor.id;
    const bad = await t.gql(`mutation($id: ID!) { updateActor(id: $id, input: { website: "javascript:alert(1)" }) { website } }`, { id }, editor);
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions!.field).toBe('input.website');
    const synced = await t.gql(`mutation { syncActors(source: "cci", actors: [{ externalId: "w-1", name: "CCI", kind: ORGANIZATION, sector: ECONOMIC, website: "https://cci.example" }]) { items { entityId } } }`, {}, editor);
    const syncedId = synced.data.syncActors.items[0].entityId;
    const read = await t.gql(`query($a: ID!, $b: ID!) { a: actor(id: $a) { website } b: actor(id: $b) { website } list: actors(filter: { source: "cci" }) { edges { node { name website } } } }`, { a: id, b: syncedId });
    expect(read.data).toEqual({ a: { website: 'https://ferme-du-moulin.example/' }, b: { website: 'https://cci.example' }, list: { edges: [{ node: { name: 'CCI', website: 'https://cci.example' } }] } });
    const feed = await t.gql(`{ changes(first: 10) { edges { node { entityId payload } } } }`, {}, editor);
    const payload = feed.data.changes.edges.find((e: any) => e.node.entityId === syncedId).node.payload;
    expect(payload.website).toBe('https://cci.example');
    const exported: any = await (await fetch(`${t.app.url.replace(/\/graphql$/, '')}/export/records.json?source=cci`)).json();
    expect(exported.actors[0].website).toBe('https://cci.example');
  });

  it('is a column of the import (French header « site web »)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agencement-website-'));
    const file = join(dir, 'a.csv');
    writeFileSync(file, '\uFEFFidentifiant;nom;nature;secteur;site web\r\nw-2;Université;Organisation;Recherche;https://univ.example\r\n');
    const env = { ...process.env, AGENCEMENT_API_URL: t.app.url.replace(/\/graphql$/, ''), AGENCEMENT_API_KEY: editor };
    const out = await run('npx', ['ts-node', '--transpile-only', 'src/cli/import.ts', file, '--source', 'univ'], { env, cwd: join(__dirname, '..', '..') });
    expect(out.stdout).toMatch(/1 created/);
    const read = await t.gql(`{ actors(filter: { source: "univ" }) { edges { node { website } } } }`);
    expect(read.data.actors.edges[0].node.website).toBe('https://univ.example');
  }, 120_000);
});
