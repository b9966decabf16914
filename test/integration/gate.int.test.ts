/**
 * One gate: the defects found when each door kept its own checks (issue #12), tried at every door —
 * GraphQL create/update, sync, the import CLI, restore and the seed. Each must refuse with
 * BAD_USER_INPUT and leave the data as it was.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { resetDatabase, startTestApp, type TestApp } from '../helpers/app';
import { backup, restore } from '../../src/backup/backup.service';
import { isEmpty, loadGraph } from '../../src/seed/seed.service';
import { buildDemoGraph } from '../../src/seed/demo-data';
import { AppError } from '../../src/errors';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'agencement-gate-'));

const BAD_ACTORS: [string, Record<string, unknown>][] = [
  ['a blank-after-trim name', { name: '   ' }],
  ['a NUL in a description', { description: 'a\u0000b' }],
  ['a BEL in a description', { description: 'a\u0007b' }],
  ['an ESC in a name', { name: 'a\u001bb' }],
];
const BAD_BONDS: [string, Record<string, unknown>][] = [
  ['a weight of 1.7e308', { weight: 1.7e308 }],
  ['a weight over 1e12', { weight: 2e12 }],
  ['a negative weight', { weight: -1 }],
  ['since 2014-02-30', { since: '2014-02-30' }],
  ['since 0000-01-01', { since: '0000-01-01' }],
  ['until 9999-12-31', { until: '9999-12-31' }],
];

describe('one gate for every write', () => {
  let t: TestApp;
  let editor: string;
  let a: string;
  let b: string;
  const expectBadInput = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => {
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  };
  const count = async () => {
    const s = t.db.session('READ');
    try {
      const r = await s.run('MATCH (n:Actor) WITH count(n) AS actors MATCH ()-[x:BOND]->() RETURN actors, count(x) AS bonds');
      return r.records.length ? { actors: Number(r.records[0].get('actors')), bonds: Number(r.records[0].get('bonds')) } : null;
    } finally {
      await s.close();
    }
  };

  beforeAll(async () => {
    t = await startTestApp();
    editor = await t.key('EDITOR');
    const mk = async (name: string) => (await t.gql(`mutation($i: CreateActorInput!) { createActor(input: $i) { id } }`, { i: { name, kind: 'ORGANIZATION', sector: 'ECONOMIC' } }, editor)).data.createActor.id;
    a = await mk('Alpha');
    b = await mk('Beta');
    await t.gql(`mutation($i: CreateBondInput!) { createBond(input: $i) { id } }`, { i: { kind: 'SUPPLIES', from: a, to: b } }, editor);
  });
  afterAll(() => t.stop());

  it.each(BAD_ACTORS)('refuses %s at createActor, updateActor and syncActors', async (_what, bad) => {
    const before = await count();
    expectBadInput(await t.gql(`mutation($i: CreateActorInput!) { createActor(input: $i) { id } }`, { i: { name: 'Ok', kind: 'ORGANIZATION', sector: 'ECONOMIC', ...bad } }, editor));
    expectBadInput(await t.gql(`mutation($id: ID!, $i: UpdateActorInput!) { updateActor(id: $id, input: $i) { id } }`, { id: a, i: bad }, editor));
    expectBadInput(await t.gql(`mutation($x: [ActorSyncInput!]!) { syncActors(source: "gate", actors: $x) { created } }`, { x: [{ externalId: 'g-1', name: 'Ok', kind: 'ORGANIZATION', sector: 'ECONOMIC', ...bad }] }, editor));
    expect(await count()).toEqual(before);
    expect((await t.gql(`query($id: ID!) { actor(id: $id) { name description } }`, { id: a })).data.actor).toEqual({ name: 'Alpha', description: null });
  });

  it.each(BAD_BONDS)('refuses %s at createBond, updateBond and syncBonds', async (_what, bad) => {
    const before = await count();
    const bondId = (await t.gql(`{ bonds { edges { node { id } } } }`)).data.bonds.edges[0].node.id;
    expectBadInput(await t.gql(`mutation($i: CreateBondInput!) { createBond(input: $i) { id } }`, { i: { kind: 'ADVISES', from: a, to: b, ...bad } }, editor));
    expectBadInput(await t.gql(`mutation($id: ID!, $i: UpdateBondInput!) { updateBond(id: $id, input: $i) { id } }`, { id: bondId, i: bad }, editor));
    expectBadInput(await t.gql(`mutation($x: [BondSyncInput!]!) { syncBonds(source: "gate", bonds: $x) { created } }`, { x: [{ externalId: 'gb-1', kind: 'ADVISES', from: { id: a }, to: { id: b }, ...bad }] }, editor));
    expect(await count()).toEqual(before);
  });

  it('refuses the same defects in an imported file, naming the line, and writes nothing', async () => {
    const env = { ...process.env, LOG_LEVEL: 'silent', AGENCEMENT_API_URL: t.app.url.replace(/\/graphql$/, ''), AGENCEMENT_API_KEY: editor };
    const before = await count();
    const actors = join(dir, 'actors.csv');
    writeFileSync(actors, 'externalId,name,kind,sector,description\ni-1,   ,ORGANIZATION,ECONOMIC,\ni-2,Ok,ORGANIZATION,ECONOMIC,"a\u0007b"\n');
    const ra = await run('npx', ['ts-node', '--transpile-only', 'src/cli/import.ts', actors, '--source', 'gate'], { env, cwd: ROOT }).catch((e) => e);
    expect(ra.code).toBe(1);
    expect(ra.stderr).toMatch(/line 2: name must not be blank/);
    expect(ra.stderr).toMatch(/line 3: description must not contain control characters/);
    const bonds = join(dir, 'bonds.csv');
    writeFileSync(bonds, `externalId,kind,from,to,weight,since\nj-1,ADVISES,${a},${b},1.7e308,\nj-2,ADVISES,${a},${b},1,30/02/2014\nj-3,ADVISES,${a},${b},1,0000-01-01\n`);
    const rb = await run('npx', ['ts-node', '--transpile-only', 'src/cli/import.ts', bonds, '--source', 'gate'], { env, cwd: ROOT }).catch((e) => e);
    expect(rb.code).toBe(1);
    expect(rb.stderr).toMatch(/line 2: weight must be a number from 0 to 1000000000000/);
    expect(rb.stderr).toMatch(/line 3: since is not a date/);
    expect(rb.stderr).toMatch(/line 4: since (is not a date|must be between 1900-01-01 and 2100-12-31)/);
    expect(await count()).toEqual(before);
  }, 120_000);

  it('refuses them in a restored dump, before writing anything', async () => {
    const file = join(dir, 'dump.jsonl');
    await backup(t.db, file);
    const lines = readFileSync(file, 'utf8').split('\n');
    const tampered = lines.map((l) => (l.includes('"Alpha"') ? l.replace('"Alpha"', '"   "') : l.includes('"kind":"SUPPLIES"') ? l.replace('"kind":"SUPPLIES"', '"kind":"SUPPLIES","weight":{"$t":"FLOAT","v":1.7e308}') : l));
    const bad = join(dir, 'tampered.jsonl');
    writeFileSync(bad, tampered.join('\n'));
    const keep = await count();
    await resetDatabase(t.db);
    const err = await restore(t.db, bad).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.message).toMatch(/name: must not be blank/);
    expect(err.message).toMatch(/weight: must be a number from 0 to/);
    expect(await count()).toBeNull(); // nothing restored
    await restore(t.db, file); // the untouched dump still restores
    expect(await count()).toEqual(keep);
  });

  it('refuses them in the seed, before writing anything', async () => {
    const g = buildDemoGraph();
    g.actors[3] = { ...g.actors[3], name: '  ' };
    g.bonds[5] = { ...g.bonds[5], since: '2014-02-30' };
    const s = t.db.session('WRITE');
    await s.run('MATCH (n) WHERE NOT n:Migration AND NOT n:ChangeSequence AND NOT n:ApiKey DETACH DELETE n');
    await s.close();
    const err = await loadGraph(t.db, g).catch((e) => e);
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.message).toMatch(/actors\.3\.name: must not be blank/);
    expect(err.message).toMatch(/bonds\.5\.since: must be a real calendar date/);
    expect(await isEmpty(t.db)).toBe(true);
  });

  it('checks sources with the same rule everywhere', async () => {
    for (const source of ['', 'Not A Source!']) {
      expectBadInput(await t.gql(`mutation($s: String!) { syncActors(source: $s, actors: []) { created } }`, { s: source }, editor));
      expectBadInput(await t.gql(`mutation($s: String) { createActor(input: { name: "X", kind: ORGANIZATION, sector: ECONOMIC, source: $s }) { id } }`, { s: source }, editor));
    }
  });
});
