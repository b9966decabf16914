import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestApp, type TestApp } from '../helpers/app';
import { parseTransferFile } from '../../src/transfer/records';
import { exportRecords, actorsCsv } from '../../src/transfer/export';
import { syncActors, syncBonds } from '../../src/sync/sync.service';
import { cliContext } from '../../src/cli/context';

const run = promisify(execFile);
const FIXTURES = join(__dirname, '..', 'fixtures', 'import');

describe('import and export', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('imports a CSV with the CLI, then a second import of the same file changes nothing', async () => {
    const env = { ...process.env, LOG_LEVEL: 'silent' };
    const cmd = ['--transpile-only', 'src/cli/import.ts'];
    const first = await run('npx', ['ts-node', ...cmd, join(FIXTURES, 'cci-members.csv'), '--source', 'cci'], { env, cwd: join(__dirname, '..', '..') });
    expect(first.stdout).toMatch(/3 created, 0 updated, 0 unchanged/);
    const second = await run('npx', ['ts-node', ...cmd, join(FIXTURES, 'cci-members.csv'), '--source', 'cci'], { env, cwd: join(__dirname, '..', '..') });
    expect(second.stdout).toMatch(/0 created, 0 updated, 3 unchanged/);
    const bonds = await run('npx', ['ts-node', ...cmd, join(FIXTURES, 'cci-bonds.csv'), '--source', 'cci'], { env, cwd: join(__dirname, '..', '..') });
    expect(bonds.stdout).toMatch(/1 created/);
    const res = await t.gql(`{ actors(filter: { source: "cci" }, orderBy: { field: NAME }) { edges { node { name tags territory bonds { edges { node { kind weight since } } } } } } }`);
    expect(res.data.actors.edges.map((e: any) => e.node.name)).toEqual(['Boulangerie Dupont, artisan', 'Claire Martin', 'Ferme du Moulin']);
    expect(res.data.actors.edges[0].node.tags).toEqual(['value-chain:processor', 'cci']);
    expect(res.data.actors.edges[0].node.bonds.edges[0].node).toEqual({ kind: 'SUPPLIES', weight: 3, since: '2014-02-01' });
  }, 120_000);

  it('rejects a file with bad rows, naming them, and writes nothing', () => {
    expect(() => parseTransferFile('x.csv', 'externalId,name,kind,sector\na,A,ORGANIZATION,ECONOMIC\nb,B,ROBOT,ECONOMIC\n')).toThrow(/actors\.1\.kind/);
    expect(() => parseTransferFile('x.json', '{ nope')).toThrow(/not valid JSON/);
  });

  it('exports in the import format: re-importing an export elsewhere reproduces the same records', async () => {
    const ctx = cliContext(t.db, t.config, 'test');
    const data = await exportRecords(ctx.db, { source: 'cci', personalData: true });
    expect(data.actors).toHaveLength(3);
    expect(data.actors.find((a) => a.name === 'Claire Martin')!.email).toBe('claire@example.org');
    const withoutPersonal = await exportRecords(ctx.db, { source: 'cci', personalData: false });
    expect(JSON.stringify(withoutPersonal)).not.toMatch(/claire@example.org/);
    const parsed = parseTransferFile('export.json', JSON.stringify({ actors: data.actors, bonds: data.bonds.map((b) => ({ ...b, from: { externalId: b.from.externalId }, to: { externalId: b.to.externalId } })) }));
    const r1 = await syncActors(ctx, 'copy', parsed.actors);
    const r2 = await syncBonds(ctx, 'copy', parsed.bonds);
    expect([r1.created, r2.created]).toEqual([3, 1]);
    const copy = await exportRecords(ctx.db, { source: 'copy', personalData: true });
    const strip = (rows: any[]) => rows.map(({ id: _i, source: _s, from: _f, to: _t, ...rest }) => rest);
    expect(strip(copy.actors)).toEqual(strip(data.actors));
    expect(strip(copy.bonds)).toEqual(strip(data.bonds));
    expect(actorsCsv(data.actors).split('\n')[0]).toBe('externalId,id,source,name,kind,sector,description,territory,tags,email,phone');
    expect(readFileSync(join(FIXTURES, 'cci-members.csv'), 'utf8')).toContain('cci-001');
  });
});
