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

  it('imports a CSV with the CLI (an API client with a PARTNER key), then a second import of the same file changes nothing', async () => {
    const key = await t.key('PARTNER', 'cci');
    const env = { ...process.env, LOG_LEVEL: 'silent', AGENCEMENT_API_URL: t.app.url.replace(/\/graphql$/, ''), AGENCEMENT_API_KEY: key };
    const cmd = ['--transpile-only', 'src/cli/import.ts'];
    const first = await run('npx', ['ts-node', ...cmd, join(FIXTURES, 'cci-members.csv'), '--source', 'cci'], { env, cwd: join(__dirname, '..', '..') });
    expect(first.stdout).toMatch(/3 created, 0 updated, 0 unchanged/);
    const second = await run('npx', ['ts-node', ...cmd, join(FIXTURES, 'cci-members.csv'), '--source', 'cci'], { env, cwd: join(__dirname, '..', '..') });
    expect(second.stdout).toMatch(/0 created, 0 updated, 3 unchanged/);
    // The same key for another source: FORBIDDEN from the API, nothing written.
    const other = await run('npx', ['ts-node', ...cmd, join(FIXTURES, 'cci-members.csv'), '--source', 'other'], { env, cwd: join(__dirname, '..', '..') }).catch((e) => e);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/FORBIDDEN/);
    expect(other.stderr).toMatch(/Nothing was written/);
    expect((await t.gql(`{ actors(filter: { source: "other" }) { totalCount } }`)).data.actors.totalCount).toBe(0);
    const bonds = await run('npx', ['ts-node', ...cmd, join(FIXTURES, 'cci-bonds.csv'), '--source', 'cci'], { env, cwd: join(__dirname, '..', '..') });
    expect(bonds.stdout).toMatch(/1 created/);
    const res = await t.gql(`{ actors(filter: { source: "cci" }, orderBy: { field: NAME }) { edges { node { name tags territory bonds { edges { node { kind weight since } } } } } } }`);
    expect(res.data.actors.edges.map((e: any) => e.node.name)).toEqual(['Boulangerie Dupont, artisan', 'Claire Martin', 'Ferme du Moulin']);
    expect(res.data.actors.edges[0].node.tags).toEqual(['value-chain:processor', 'cci']);
    expect(res.data.actors.edges[0].node.bonds.edges[0].node).toEqual({ kind: 'SUPPLIES', weight: 3, since: '2014-02-01' });
  }, 120_000);

  it('reports the bad rows of a file by line and column', () => {
    const csv = parseTransferFile('x.csv', Buffer.from('externalId,name,kind,sector\na,A,ORGANIZATION,ECONOMIC\nb,B,ROBOT,ECONOMIC\n'));
    expect(csv.problems).toEqual([expect.objectContaining({ line: 3, column: 'kind', value: 'ROBOT' })]);
    expect(csv.problems[0].message).toMatch(/ORGANIZATION/);
    expect(parseTransferFile('x.json', Buffer.from('{ nope')).problems[0].message).toMatch(/JSON/);
  });

  it('exports in the import format: re-importing an export elsewhere reproduces the same records', async () => {
    const ctx = cliContext(t.db, t.config, 'test');
    const data = await exportRecords(ctx.db, { source: 'cci', personalData: true });
    expect(data.actors).toHaveLength(3);
    expect(data.actors.find((a) => a.name === 'Claire Martin')!.email).toBe('claire@example.org');
    const withoutPersonal = await exportRecords(ctx.db, { source: 'cci', personalData: false });
    expect(JSON.stringify(withoutPersonal)).not.toMatch(/claire@example.org/);
    // Re-imported under another source as it was exported: the bonds link the copies.
    const parsed = parseTransferFile('export.json', Buffer.from(JSON.stringify({ actors: data.actors, bonds: data.bonds })));
    expect(parsed.problems).toEqual([]);
    const r1 = await syncActors(ctx, 'copy', parsed.actors.map((i) => i.input));
    const r2 = await syncBonds(ctx, 'copy', parsed.bonds.map((i) => i.input));
    expect([r1.created, r2.created]).toEqual([3, 1]);
    const copy = await exportRecords(ctx.db, { source: 'copy', personalData: true });
    const strip = (rows: any[]) => rows.map(({ id: _i, source: _s, from: _f, to: _t, ...rest }) => rest);
    expect(strip(copy.actors)).toEqual(strip(data.actors));
    expect(strip(copy.bonds)).toEqual(strip(data.bonds));
    expect(actorsCsv(data).split('\r\n')[0]).toBe('externalId,id,source,name,kind,sector,description,territory,website,tags,email,phone');
    const copyBonds = await t.gql(`{ actors(filter: { source: "copy" }) { edges { node { bonds { edges { node { from { source } to { source } } } } } } } }`);
    const ends = copyBonds.data.actors.edges.flatMap((e: any) => e.node.bonds.edges.map((b: any) => [b.node.from.source, b.node.to.source]));
    expect(ends.length).toBeGreaterThan(0);
    expect(ends.flat().every((s: string) => s === 'copy')).toBe(true);
    expect(readFileSync(join(FIXTURES, 'cci-members.csv'), 'utf8')).toContain('cci-001');
  });
});
