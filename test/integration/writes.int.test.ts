import { startTestApp, type TestApp } from '../helpers/app';

const CREATE = `mutation($input: CreateActorInput!) { createActor(input: $input) { id name kind sector source externalId version createdAt updatedAt tags } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateActorInput!, $v: Int) { updateActor(id: $id, input: $input, expectedVersion: $v) { id name description version updatedAt } }`;

/** Writes: validation, keys, versions, conflicts, not-found, deletes. */
describe('writing actors and bonds', () => {
  let t: TestApp;
  let editor: string;
  let viewer: string;
  beforeAll(async () => {
    t = await startTestApp();
    editor = await t.key('EDITOR');
    viewer = await t.key('VIEWER');
  });
  afterAll(() => t.stop());

  const actorCount = async () => (await t.gql(`{ actors { totalCount } }`)).data.actors.totalCount;

  it('needs a key to write, and says which roles may', async () => {
    const anon = await t.gql(CREATE, { input: { name: 'X', kind: 'ORGANIZATION', sector: 'ECONOMIC' } });
    expect(anon.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const v = await t.gql(CREATE, { input: { name: 'X', kind: 'ORGANIZATION', sector: 'ECONOMIC' } }, viewer);
    expect(v.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(v.errors![0].message).toMatch(/EDITOR/);
    const bad = await t.gql(CREATE, { input: { name: 'X', kind: 'ORGANIZATION', sector: 'ECONOMIC' } }, 'agk_not-a-real-key');
    expect(bad.status).toBe(401);
    expect(bad.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(await actorCount()).toBe(0);
  });

  it('creates an actor with version 1 and timestamps', async () => {
    const res = await t.gql(CREATE, { input: { name: '  Coopérative test  ', kind: 'ORGANIZATION', sector: 'ECONOMIC', tags: ['a', 'a', 'b'], externalId: 'x-1' } }, editor);
    expect(res.errors).toBeUndefined();
    const a = res.data.createActor;
    expect(a).toMatchObject({ name: 'Coopérative test', version: 1, source: 'api', externalId: 'x-1', tags: ['a', 'b'] });
    expect(a.id).toMatch(/^act_/);
    expect(a.createdAt).toBe(a.updatedAt);
  });

  it('rejects invalid input with BAD_USER_INPUT naming each field, and writes nothing', async () => {
    const before = await actorCount();
    const res = await t.gql(CREATE, { input: { name: '', kind: 'ORGANIZATION', sector: 'ECONOMIC', email: 'not-an-email', tags: ['ok', '!!bad'] } }, editor);
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const fields = res.errors![0].extensions!.invalid.map((i: any) => i.field);
    // Paths start at the argument, as sync's do (`actors.3.name`): the gate names `input.name` at every door.
    expect(fields).toEqual(expect.arrayContaining(['input.name', 'input.email', 'input.tags']));
    const enumErr = await t.gql(CREATE, { input: { name: 'Y', kind: 'SPACESHIP', sector: 'ECONOMIC' } }, editor);
    expect(enumErr.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(await actorCount()).toBe(before);
  });

  it('refuses a duplicate (source, externalId) with CONFLICT', async () => {
    const res = await t.gql(CREATE, { input: { name: 'Other', kind: 'ORGANIZATION', sector: 'ECONOMIC', externalId: 'x-1' } }, editor);
    expect(res.errors![0].extensions!.code).toBe('CONFLICT');
    expect(res.errors![0].message).toMatch(/source, externalId/);
  });

  it('bumps version and updatedAt on update; a stale expectedVersion gets CONFLICT and changes nothing', async () => {
    const { data } = await t.gql(CREATE, { input: { name: 'Versioned', kind: 'ORGANIZATION', sector: 'CIVIL_SOCIETY' } }, editor);
    const id = data.createActor.id;
    const up = await t.gql(UPDATE, { id, input: { description: 'first' }, v: 1 }, editor);
    expect(up.errors).toBeUndefined();
    expect(up.data.updateActor.version).toBe(2);
    expect(new Date(up.data.updateActor.updatedAt).getTime()).toBeGreaterThan(new Date(data.createActor.updatedAt).getTime());
    const stale = await t.gql(UPDATE, { id, input: { description: 'second' }, v: 1 }, editor);
    expect(stale.errors![0].extensions!.code).toBe('CONFLICT');
    expect(stale.errors![0].extensions!.currentVersion).toBe(2);
    const now = await t.gql(`query($id: ID!) { actor(id: $id) { description version } }`, { id });
    expect(now.data.actor).toEqual({ description: 'first', version: 2 });
    const noop = await t.gql(UPDATE, { id, input: { description: 'first' } }, editor);
    expect(noop.data.updateActor.version).toBe(2);
    const cleared = await t.gql(UPDATE, { id, input: { description: null } }, editor);
    expect(cleared.data.updateActor).toMatchObject({ description: null, version: 3 });
  });

  it('lets exactly one of concurrent updates with the same expectedVersion win', async () => {
    const { data } = await t.gql(CREATE, { input: { name: 'Race', kind: 'ORGANIZATION', sector: 'RESEARCH' } }, editor);
    const id = data.createActor.id;
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => t.gql(UPDATE, { id, input: { description: `writer ${i}` }, v: 1 }, editor)));
    const ok = results.filter((r) => !r.errors);
    const conflicts = results.filter((r) => r.errors?.[0].extensions?.code === 'CONFLICT');
    expect(ok.length).toBe(1);
    expect(conflicts.length).toBe(7);
    const now = await t.gql(`query($id: ID!) { actor(id: $id) { version description } }`, { id });
    expect(now.data.actor).toEqual({ version: 2, description: ok[0].data.updateActor.description });
  });

  it('answers NOT_FOUND for unknown ids on every write', async () => {
    const id = 'act_00000000000000000000';
    const u = await t.gql(UPDATE, { id, input: { name: 'Z' } }, editor);
    expect(u.errors![0].extensions!.code).toBe('NOT_FOUND');
    const d = await t.gql(`mutation { deleteActor(id: "${id}") { id } }`, {}, editor);
    expect(d.errors![0].extensions!.code).toBe('NOT_FOUND');
    const b = await t.gql(`mutation { deleteBond(id: "bnd_00000000000000000000") { id } }`, {}, editor);
    expect(b.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('creates, reads, updates and deletes bonds; deleting an actor removes its bonds', async () => {
    const mk = async (name: string) => (await t.gql(CREATE, { input: { name, kind: 'ORGANIZATION', sector: 'ECONOMIC' } }, editor)).data.createActor.id;
    const a = await mk('Bond A');
    const b = await mk('Bond B');
    const missing = await t.gql(`mutation($i: CreateBondInput!) { createBond(input: $i) { id } }`, { i: { kind: 'FUNDS', from: a, to: 'act_00000000000000000000' } }, editor);
    expect(missing.errors![0].extensions!.code).toBe('NOT_FOUND');
    const self = await t.gql(`mutation($i: CreateBondInput!) { createBond(input: $i) { id } }`, { i: { kind: 'FUNDS', from: a, to: a } }, editor);
    expect(self.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const dates = await t.gql(`mutation($i: CreateBondInput!) { createBond(input: $i) { id } }`, { i: { kind: 'FUNDS', from: a, to: b, since: '2015-01-01', until: '2014-01-01' } }, editor);
    expect(dates.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const created = await t.gql(
      `mutation($i: CreateBondInput!) { createBond(input: $i) { id kind directed since weight version from { name } to { name } } }`,
      { i: { kind: 'FUNDS', from: a, to: b, since: '2013-04-01', weight: 3 } },
      editor,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data.createBond).toMatchObject({ kind: 'FUNDS', directed: true, since: '2013-04-01', weight: 3, version: 1, from: { name: 'Bond A' }, to: { name: 'Bond B' } });
    const bondId = created.data.createBond.id;
    const upd = await t.gql(`mutation($id: ID!) { updateBond(id: $id, input: { weight: 5 }, expectedVersion: 1) { weight version } }`, { id: bondId }, editor);
    expect(upd.data.updateBond).toEqual({ weight: 5, version: 2 });
    const out = await t.gql(`query($id: ID!) { actor(id: $id) { bondCount bonds(direction: OUTGOING) { totalCount edges { node { id other(actor: $id) { name } } } } } }`, { id: a });
    expect(out.data.actor.bondCount).toBe(1);
    expect(out.data.actor.bonds.edges[0].node.other.name).toBe('Bond B');
    const del = await t.gql(`mutation($id: ID!) { deleteActor(id: $id) { deleted removedBonds } }`, { id: a }, editor);
    expect(del.data.deleteActor).toEqual({ deleted: true, removedBonds: 1 });
    const gone = await t.gql(`query($id: ID!) { bond(id: $id) { id } }`, { id: bondId });
    expect(gone.data.bond).toBeNull();
  });

  it('hides personal data from anonymous and VIEWER callers, shows it to EDITOR', async () => {
    const { data } = await t.gql(CREATE, { input: { name: 'Marie Test', kind: 'PERSON', sector: 'CIVIL_SOCIETY', email: 'marie@example.org', phone: '+33 3 00 00 00 00' } }, editor);
    const id = data.createActor.id;
    const q = `query($id: ID!) { actor(id: $id) { email phone } }`;
    expect((await t.gql(q, { id })).data.actor).toEqual({ email: null, phone: null });
    expect((await t.gql(q, { id }, viewer)).data.actor).toEqual({ email: null, phone: null });
    expect((await t.gql(q, { id }, editor)).data.actor).toEqual({ email: 'marie@example.org', phone: '+33 3 00 00 00 00' });
    const org = await t.gql(CREATE, { input: { name: 'Org with email', kind: 'ORGANIZATION', sector: 'ECONOMIC', email: 'x@example.org' } }, editor);
    expect(org.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('when Neo4j is unreachable', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    // Point a second API at a port where nothing listens.
  });
  afterAll(() => t.stop());

  it('answers SERVICE_UNAVAILABLE and /readyz 503, without a stack trace', async () => {
    const { Database } = await import('../../src/db/database');
    const { startServer } = await import('../../src/server');
    const db = new Database({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'x', txTimeoutMs: 2000 });
    const app = await startServer({ config: { ...t.config, NODE_ENV: 'production' }, db }, 0);
    try {
      const res = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ actors(first: 1) { totalCount } }' }) });
      const body: any = await res.json();
      expect(body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(body.errors[0].extensions.stacktrace).toBeUndefined();
      const ready = await fetch(app.url.replace('/graphql', '/readyz'));
      expect(ready.status).toBe(503);
      const live = await fetch(app.url.replace('/graphql', '/healthz'));
      expect(live.status).toBe(200);
    } finally {
      await app.stop();
      await db.close();
    }
  });
});

describe('writes that cannot get their turn', () => {
  let t: TestApp;
  let editor: string;
  beforeAll(async () => {
    // One write at a time per process, 1.5 s to finish or to get in.
    t = await startTestApp({ env: { NEO4J_TX_TIMEOUT_MS: '1500', NEO4J_MAX_CONCURRENT_WRITES: '1' } });
    editor = await t.key('EDITOR');
  });
  afterAll(() => t.stop());

  it('answer SERVICE_UNAVAILABLE with what to do, store nothing, and leave the feed gapless', async () => {
    const create = (name: string) => t.gql(`mutation($n: String!) { createActor(input: { name: $n, kind: ORGANIZATION, sector: ECONOMIC }) { id } }`, { n: name }, editor);
    const head = async () => (await t.gql(`{ changes(first: 1) { headSeq } }`, {}, editor)).data.changes.headSeq;
    const before = await head();
    // Another process holds the change-feed lock (as a long write would) until both have answered.
    const holder = t.db.session('WRITE');
    const tx = holder.beginTransaction();
    await tx.run("MATCH (s:ChangeSequence {name: 'changes'}) SET s._held = true");
    try {
      const t0 = Date.now();
      const both = Promise.all([create('Bloquée 1'), new Promise((r) => setTimeout(r, 200)).then(() => create('Bloquée 2'))]);
      await new Promise((r) => setTimeout(r, 600));
      const metrics = await (await fetch(t.app.url.replace('/graphql', '/metrics'))).text();
      expect(/^agencement_writes_running (\d+)$/m.exec(metrics)?.[1]).toBe('1');
      expect(/^agencement_writes_waiting (\d+)$/m.exec(metrics)?.[1]).toBe('1');
      const [first, second] = await both;
      // The first got in and waited for the lock until its time limit; the second waited at the
      // gate, and was refused there or (when Neo4j's timeout monitor ended the first in time) got
      // in and waited for the lock in turn: either way, an answer that says what happened.
      for (const res of [first, second]) {
        expect(res.errors![0].extensions!.code).toBe('SERVICE_UNAVAILABLE');
        expect(res.errors![0].message).toMatch(/^(The write did not finish within 1500 ms|Too many writes at once: 1 running and 0 waiting).*NEO4J_TX_TIMEOUT_MS.*[Nn]othing was stored/);
      }
      expect(first.errors![0].message).toMatch(/^The write did not finish within 1500 ms/);
      expect(Date.now() - t0).toBeLessThan(10_000);
    } finally {
      await tx.rollback();
      await holder.close();
    }
    const s = t.db.session('READ');
    const n = await s.run("MATCH (a:Actor) WHERE a.name STARTS WITH 'Bloquée' RETURN count(a) AS n");
    await s.close();
    expect(n.records[0].get('n')).toBe(0);
    expect(await head()).toBe(before);
    // The lock gone, writes go through again, and the feed goes on from where it was.
    const ok = await create('Débloquée');
    expect(ok.errors).toBeUndefined();
    expect(await head()).toBe(before + 1);
  });
});
