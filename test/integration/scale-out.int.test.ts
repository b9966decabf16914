import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../helpers/ports';
import { join } from 'node:path';
import { testDatabase, resetDatabase } from '../helpers/app';
import { createKey } from '../../src/auth/key.service';
import { migrate } from '../../src/db/migrate';
import { loadGraph } from '../../src/seed/seed.service';
import { buildDemoGraph } from '../../src/seed/demo-data';


/** Starts `npm start`'s entry point as its own process on the test Neo4j. */
async function startInstance(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: join(__dirname, '..', '..'),
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', AGENCEMENT_SEED_DEMO: 'never', LOG_LEVEL: 'silent', NODE_ENV: 'production', SHUTDOWN_DELAY_MS: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const t0 = Date.now();
  while (!out.includes('Agencement ready')) {
    if (Date.now() - t0 > 90_000 || child.exitCode !== null) throw new Error(`instance did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url: `http://127.0.0.1:${port}/graphql`, child };
}

/** Two API processes on one Neo4j: no state in the API breaks with several instances. */
describe('two API instances on one Neo4j', () => {
  const db = testDatabase();
  let a: { url: string; child: ChildProcess };
  let b: { url: string; child: ChildProcess };
  let key: string;

  beforeAll(async () => {
    await migrate(db);
    await resetDatabase(db);
    await loadGraph(db, buildDemoGraph());
    key = (await createKey(db, 'EDITOR' as any, null, 'scale')).secret;
    [a, b] = await Promise.all([startInstance(), startInstance()]);
  }, 180_000);
  afterAll(async () => {
    for (const i of [a, b]) i?.child.kill('SIGTERM');
    await db.close();
  });

  const gql = async (url: string, query: string, variables?: object) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify({ query, variables }) });
    return (await res.json()) as any;
  };

  it('reads through one instance what was written through the other, and invalidates the other\'s analytics cache', async () => {
    const ids = await gql(b.url, `{ x: actors(first: 2, filter: { kinds: [DEPARTMENT] }) { edges { node { id } } } }`);
    const [d1, d2] = ids.data.x.edges.map((e: any) => e.node.id);
    const q = `{ transversality { current { crossDepartmentBonds } } centrality(metric: DEGREE, top: 300) { score actor { id } } }`;
    const before = await gql(b.url, q);
    const again = await gql(b.url, q); // now cached in B
    expect(again.data).toEqual(before.data);

    const created = await gql(a.url, `mutation($f: ID!, $t: ID!) { createBond(input: { kind: CO_MANAGES, from: $f, to: $t, since: "2011-01-01" }) { id } }`, { f: d1, t: d2 });
    expect(created.errors).toBeUndefined();
    const seen = await gql(b.url, `query($id: ID!) { bond(id: $id) { id from { id } } }`, { id: created.data.createBond.id });
    expect(seen.data.bond.from.id).toBe(d1);

    const after = await gql(b.url, q);
    expect(after.data.transversality.current.crossDepartmentBonds).toBe(before.data.transversality.current.crossDepartmentBonds + 1);
    const score = (r: any, id: string) => r.data.centrality.find((s: any) => s.actor.id === id).score;
    expect(score(after, d1)).toBeGreaterThan(score(before, d1));

    // And the change feed is one sequence across both instances.
    await gql(b.url, `mutation($id: ID!) { updateActor(id: $id, input: { description: "via B" }) { version } }`, { id: d1 });
    const feedA = await gql(a.url, `{ changes(first: 1000, source: "tesr") { edges { node { seq op entityId } } } }`);
    const tail = feedA.data.changes.edges.map((e: any) => e.node).slice(-1)[0];
    expect(tail).toMatchObject({ op: 'UPDATE', entityId: d1 });
  }, 120_000);
});
