import { cypher } from '../../src/db/cypher';
import { createSchema } from '../../src/schema';
import { rehearse, REHEARSAL_SOURCE } from '../../src/sync/sync.warmup';
import { startTestApp, type TestApp } from '../helpers/app';

const SYNC_ACTORS = `mutation($source: String!, $actors: [ActorSyncInput!]!) {
  syncActors(source: $source, actors: $actors) { created updated unchanged items { externalId entityId status } } }`;
const SYNC_BONDS = `mutation($source: String!, $bonds: [BondSyncInput!]!) {
  syncBonds(source: $source, bonds: $bonds) { created updated unchanged items { externalId entityId status } } }`;
const FEED = `query($after: String, $source: String) { changes(after: $after, first: 500, source: $source) {
  edges { node { seq entity entityId op source externalId version payload } } pageInfo { hasNextPage endCursor } } }`;

describe('sync and the change feed (issue #17 §4)', () => {
  let t: TestApp;
  let editor: string;
  beforeAll(async () => {
    t = await startTestApp();
    editor = await t.key('EDITOR');
  });
  afterAll(() => t.stop());

  const feed = async (source?: string) => {
    const events: any[] = [];
    let after: string | null = null;
    for (;;) {
      const res: any = await t.gql(FEED, { after, source }, editor);
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      events.push(...res.data.changes.edges.map((e: any) => e.node));
      after = res.data.changes.pageInfo.endCursor;
      if (!res.data.changes.pageInfo.hasNextPage) return events;
    }
  };
  const stored = async (query: string, params: Record<string, unknown>) => {
    const s = t.db.session('READ');
    try {
      return (await s.run(query, params)).records.map((r) => r.toObject());
    } finally {
      await s.close();
    }
  };

  it('gives a created record a payload equal to what was stored, and an updated one its new state, in input order', async () => {
    const actors = [
      { externalId: 'p1', name: 'Atelier Un', kind: 'ORGANIZATION', sector: 'ECONOMIC', tags: ['x'], territory: 'Artois', website: 'https://un.example.org' },
      { externalId: 'p2', name: 'Jeanne Deux', kind: 'PERSON', sector: 'CITIZENS', email: 'jeanne@example.org' },
    ];
    const first = await t.gql(SYNC_ACTORS, { source: 'pay', actors }, editor);
    expect(first.errors).toBeUndefined();
    expect(first.data.syncActors.created).toBe(2);
    const bonds = [{ externalId: 'pb1', kind: 'FUNDS', from: { externalId: 'p1' }, to: { externalId: 'p2' }, weight: 2.5, since: '2020-03-01' }];
    expect((await t.gql(SYNC_BONDS, { source: 'pay', bonds }, editor)).data.syncBonds.created).toBe(1);

    const [actor] = await stored(`MATCH (a:Actor {source: 'pay', externalId: 'p1'}) RETURN a.id AS id, a.version AS version, toString(a.createdAt) AS createdAt, toString(a.updatedAt) AS updatedAt`, {});
    const [bond] = await stored(`MATCH (f)-[b:BOND {source: 'pay', externalId: 'pb1'}]->(t) RETURN b.id AS id, f.id AS from, t.id AS to`, {});
    let events = await feed('pay');
    expect(events.map((e) => [e.op, e.externalId, e.version])).toEqual([['CREATE', 'p1', 1], ['CREATE', 'p2', 1], ['CREATE', 'pb1', 1]]);
    const p1 = events[0].payload;
    expect(p1).toEqual({
      id: actor.id, source: 'pay', externalId: 'p1', version: 1, name: 'Atelier Un', kind: 'ORGANIZATION', sector: 'ECONOMIC', tags: ['x'], territory: 'Artois', website: 'https://un.example.org',
      createdAt: new Date(actor.createdAt).toISOString(), updatedAt: new Date(actor.updatedAt).toISOString(),
    });
    // Personal data never enters the feed, created or not.
    expect(JSON.stringify(events[1].payload)).not.toMatch(/jeanne@example.org/);
    expect(events[2].payload).toMatchObject({ id: bond.id, from: bond.from, to: bond.to, kind: 'FUNDS', weight: 2.5, since: '2020-03-01', version: 1 });

    // One changed, one unchanged, one new: the feed gets the update and the create, in input order.
    const again = await t.gql(SYNC_ACTORS, { source: 'pay', actors: [{ ...actors[0], territory: 'Audomarois', website: null }, actors[1], { externalId: 'p3', name: 'Trois', kind: 'ORGANIZATION', sector: 'RESEARCH' }] }, editor);
    expect(again.data.syncActors.items.map((i: any) => i.status)).toEqual(['UPDATED', 'UNCHANGED', 'CREATED']);
    events = (await feed('pay')).slice(3);
    expect(events.map((e) => [e.op, e.externalId, e.version])).toEqual([['UPDATE', 'p1', 2], ['CREATE', 'p3', 1]]);
    const updated = events[0].payload;
    expect(updated).toMatchObject({ territory: 'Audomarois', version: 2, createdAt: p1.createdAt });
    expect(updated.website).toBeUndefined();
  });

  it('keeps the feed gapless and in commit order while syncs of creates, updates and replays run at once', async () => {
    const before = (await feed()).length;
    const batch = (k: number, name: string) => Array.from({ length: 60 }, (_, i) => ({ externalId: `c${(k * 40 + i) % 200}`, name: `${name} ${i}`, kind: 'ORGANIZATION', sector: 'ECONOMIC' }));
    const results = await Promise.all(Array.from({ length: 8 }, (_, k) => t.gql(SYNC_ACTORS, { source: 'conc', actors: batch(k, k % 2 ? 'Pair' : 'Impair') }, editor)));
    for (const r of results) expect(r.errors).toBeUndefined();
    const events = (await feed()).slice(before);
    const seqs = events.map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0] + i));
    const written = results.reduce((n, r) => n + r.data.syncActors.created + r.data.syncActors.updated, 0);
    expect(events.length).toBe(written);
    // Rebuilding from the feed gives what is stored, version by version.
    const state = new Map<string, any>();
    for (const e of events) state.set(e.entityId, { version: e.version, name: e.payload.name });
    const rows = await stored(`MATCH (a:Actor {source: 'conc'}) RETURN a.id AS id, a.name AS name, a.version AS version`, {});
    expect(rows.length).toBe(state.size);
    for (const r of rows) expect(state.get(r.id)).toEqual({ version: r.version, name: r.name });
  });

  it('clears the feed payloads of the persons removeSynced deletes, and only theirs', async () => {
    const actors = [
      { externalId: 'g1', name: 'Paul Privé', kind: 'PERSON', sector: 'CITIZENS', phone: '0600000001' },
      { externalId: 'g2', name: 'Collectif Public', kind: 'ORGANIZATION', sector: 'CIVIL_SOCIETY' },
      { externalId: 'g3', name: 'Lise Privée', kind: 'PERSON', sector: 'CITIZENS' },
    ];
    await t.gql(SYNC_ACTORS, { source: 'gdpr', actors }, editor);
    await t.gql(SYNC_ACTORS, { source: 'gdpr', actors: actors.map((a) => ({ ...a, territory: 'Artois' })) }, editor);
    const res = await t.gql(`mutation { removeSynced(source: "gdpr", actors: ["g1", "g2"]) { removedActors notFound } }`, {}, editor);
    expect(res.data.removeSynced).toEqual({ removedActors: 2, notFound: [] });
    const events = await feed('gdpr');
    const of = (x: string) => events.filter((e) => e.externalId === x);
    expect(of('g1').map((e) => [e.op, e.payload])).toEqual([['CREATE', null], ['UPDATE', null], ['DELETE', null]]);
    expect(JSON.stringify(events)).not.toMatch(/Paul/);
    // An organization's history stays readable; a person not deleted keeps hers.
    expect(of('g2').filter((e) => e.op !== 'DELETE').every((e) => e.payload.name === 'Collectif Public')).toBe(true);
    expect(of('g3').every((e) => e.payload.name === 'Lise Privée')).toBe(true);
  });

  const sequence = async () => (await stored(`MATCH (s:ChangeSequence) RETURN s.name AS name, s.value AS value`, {})).map((r) => `${r.name}=${r.value}`);

  it('replays with one read-only statement: no write, no feed event, the sequence untouched', async () => {
    const actors = [{ externalId: 'r1', name: 'Rejoué', kind: 'ORGANIZATION', sector: 'ECONOMIC' }];
    const bonds = [{ externalId: 'rb1', kind: 'FUNDS', from: { externalId: 'r1' }, to: { externalId: 'r2' } }];
    await t.gql(SYNC_ACTORS, { source: 'replay', actors: [...actors, { externalId: 'r2', name: 'Deux', kind: 'ORGANIZATION', sector: 'ECONOMIC' }] }, editor);
    await t.gql(SYNC_BONDS, { source: 'replay', bonds }, editor);
    const before = { seq: await sequence(), events: (await feed()).length };
    const names: string[] = [];
    const off = t.db.onQuery((name) => names.push(name));
    try {
      expect((await t.gql(SYNC_ACTORS, { source: 'replay', actors }, editor)).data.syncActors).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
      expect((await t.gql(SYNC_BONDS, { source: 'replay', bonds }, editor)).data.syncBonds).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    } finally {
      off();
    }
    expect(names.filter((n) => n.startsWith('sync/') || n.startsWith('changes/'))).toEqual(['sync/actors-find', 'sync/resolve-refs', 'sync/bonds-find']);
    expect({ seq: await sequence(), events: (await feed()).length }).toEqual(before);
  });

  it('refuses a bond whose stored ends differ, writing nothing, dry run or not', async () => {
    await t.gql(SYNC_ACTORS, { source: 'ends', actors: ['e1', 'e2', 'e3'].map((x) => ({ externalId: x, name: x, kind: 'ORGANIZATION', sector: 'ECONOMIC' })) }, editor);
    expect((await t.gql(SYNC_BONDS, { source: 'ends', bonds: [{ externalId: 'eb', kind: 'FUNDS', from: { externalId: 'e1' }, to: { externalId: 'e2' } }] }, editor)).data.syncBonds.created).toBe(1);
    const before = await sequence();
    for (const dryRun of [false, true]) {
      const res = await t.gql(`mutation($b: [BondSyncInput!]!, $d: Boolean!) { syncBonds(source: "ends", bonds: $b, dryRun: $d) { created } }`, {
        b: [{ externalId: 'new', kind: 'FUNDS', from: { externalId: 'e2' }, to: { externalId: 'e3' } }, { externalId: 'eb', kind: 'FUNDS', from: { externalId: 'e1' }, to: { externalId: 'e3' } }],
        d: dryRun,
      }, editor);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', invalid: [{ field: 'bonds.1.from', message: expect.stringMatching(/endpoints cannot change/) }] });
    }
    expect(await stored(`MATCH ()-[b:BOND {source: 'ends'}]->() RETURN count(b) AS n`, {})).toEqual([{ n: 1 }]);
    expect(await sequence()).toEqual(before);
  });

  it('rehearses the write path at start-up in a transaction that is rolled back: no record, no feed event, the feed never locked', async () => {
    await t.app.warmup;
    const before = { seq: await sequence(), events: (await feed()).length };
    const schema = await createSchema();
    // The feed's lock is taken (and held) by another transaction: a rehearsal must not wait for it.
    const s = t.db.session('WRITE');
    const locker = s.beginTransaction();
    let timer: NodeJS.Timeout | undefined;
    try {
      await locker.run(`MATCH (s:ChangeSequence {name: 'changes'}) SET s.value = s.value`);
      // Its queries are not the traffic's: the query observers (metrics, round-trip counts) never see them.
      const seen: string[] = [];
      const off = t.db.onQuery((name) => seen.push(name));
      const did = await Promise.race([rehearse(schema, t.db, t.config, 50), new Promise<null>((r) => (timer = setTimeout(() => r(null), 20_000)))]).finally(off);
      // Creates, then half of them changed, for actors and for bonds: the whole write path ran.
      const half = { created: 0, updated: 25, unchanged: 25 };
      expect(did).toEqual([{ created: 50, updated: 0, unchanged: 0 }, half, { created: 50, updated: 0, unchanged: 0 }, half]);
      expect(seen).toEqual([]);
    } finally {
      clearTimeout(timer);
      await locker.rollback();
      await s.close();
    }
    expect(await stored(`MATCH (a:Actor {source: $s}) RETURN count(a) AS n`, { s: REHEARSAL_SOURCE })).toEqual([{ n: 0 }]);
    expect(await stored(`MATCH ()-[b:BOND {source: $s}]->() RETURN count(b) AS n`, { s: REHEARSAL_SOURCE })).toEqual([{ n: 0 }]);
    expect(await stored(`MATCH (c:Change) WHERE c.seq < 0 OR c.source = $s RETURN count(c) AS n`, { s: REHEARSAL_SOURCE })).toEqual([{ n: 0 }]);
    expect({ seq: await sequence(), events: (await feed()).length }).toEqual(before);
  });

  it('keeps the feed gapless while bond syncs of creates and replays run at once', async () => {
    await t.gql(SYNC_ACTORS, { source: 'cb', actors: Array.from({ length: 30 }, (_, i) => ({ externalId: `n${i}`, name: `N ${i}`, kind: 'ORGANIZATION', sector: 'ECONOMIC' })) }, editor);
    const before = (await feed()).length;
    const batch = (k: number) => Array.from({ length: 40 }, (_, i) => ({ externalId: `cb${(k * 20 + i) % 120}`, kind: 'FUNDS', from: { externalId: `n${(k * 20 + i) % 30}` }, to: { externalId: `n${((k * 20 + i) % 30 + 1) % 30}` }, weight: 1 }));
    const results = await Promise.all(Array.from({ length: 6 }, (_, k) => t.gql(SYNC_BONDS, { source: 'cb', bonds: batch(k) }, editor)));
    for (const r of results) expect(r.errors).toBeUndefined();
    const events = (await feed()).slice(before);
    const seqs = events.map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0] + i));
    expect(events.length).toBe(results.reduce((n, r) => n + r.data.syncBonds.created + r.data.syncBonds.updated, 0));
    expect(events.length).toBe(120);
  });

  it('looks the feed up by entity through the index, and plans the sync upserts without needless Eager operators or sorts', async () => {
    const s = t.db.session('READ');
    const plan = async (name: string, params: Record<string, unknown>) => {
      const ops: string[] = [];
      const walk = (p: any) => {
        ops.push(`${p.operatorType.replace(/@.*/, '')} ${String(p.arguments?.Details ?? '')}`);
        p.children.forEach(walk);
      };
      walk((await s.run(`EXPLAIN ${cypher(name)}`, params)).summary.plan);
      return ops;
    };
    try {
      for (const [name, params] of [['sync/redact-many', { ids: ['x'] }], ['changes/redact', { id: 'x' }]] as const) {
        const ops = await plan(name, params);
        expect(ops.some((o) => o.startsWith('NodeIndexSeek') && o.includes('Change(entityId)'))).toBe(true);
        expect(ops.some((o) => /^NodeByLabelScan|^AllNodesScan/.test(o))).toBe(false);
      }
      // Every lookup of a stored record by key is a seek, whatever the statistics (index hints).
      for (const name of ['sync/actors-find', 'sync/bonds-find', 'sync/bonds-update', 'sync/remove-bonds', 'sync/bonds-plan']) {
        const ops = await plan(name, { source: 's', items: [{ i: 0, id: 'x', externalId: 'x', from: 'x', to: 'y', props: { name: 'x' } }], externalIds: ['x'] });
        expect({ name, scans: ops.filter((o) => /Scan/.test(o)) }).toEqual({ name, scans: [] });
        if (name.endsWith('-find')) expect({ name, eagers: ops.filter((o) => o.startsWith('Eager')) }).toEqual({ name, eagers: [] });
      }
      // The rows read after the write need one Eager; a bond's MERGE after its ends' MATCH another.
      for (const [name, eagers] of [['sync/actors', 1], ['sync/bonds', 2]] as const) {
        const ops = await plan(name, { source: 's', items: [{ i: 0, id: 'x', externalId: 'x', from: 'x', to: 'y', props: { name: 'x' } }] });
        expect({ name, eagers: ops.filter((o) => o.startsWith('Eager')) }).toEqual({ name, eagers: Array(eagers).fill(expect.any(String)) });
        expect(ops.some((o) => o.startsWith('Sort'))).toBe(false);
      }
    } finally {
      await s.close();
    }
  });
});
