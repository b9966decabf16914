import { cypher } from '../../src/db/cypher';
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
