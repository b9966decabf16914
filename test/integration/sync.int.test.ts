import { startTestApp, type TestApp } from '../helpers/app';

const SYNC_ACTORS = `mutation($source: String!, $actors: [ActorSyncInput!]!) {
  syncActors(source: $source, actors: $actors) { created updated unchanged items { externalId id status } } }`;
const SYNC_BONDS = `mutation($source: String!, $bonds: [BondSyncInput!]!) {
  syncBonds(source: $source, bonds: $bonds) { created updated unchanged items { externalId id status } } }`;

const members = (n: number, prefix = 'm') =>
  Array.from({ length: n }, (_, i) => ({ externalId: `${prefix}-${i}`, name: `Membre ${i}`, kind: 'ORGANIZATION', sector: 'ECONOMIC', tags: ['cci'], territory: 'Artois' }));

describe('partner sync', () => {
  let t: TestApp;
  let partner: string;
  let editor: string;
  beforeAll(async () => {
    t = await startTestApp();
    partner = await t.key('PARTNER', 'cci');
    editor = await t.key('EDITOR');
  });
  afterAll(() => t.stop());

  const count = async (source: string) => (await t.gql(`query($s: String) { actors(filter: { source: $s }) { totalCount } }`, { s: source })).data.actors.totalCount;

  it('creates, then replays as UNCHANGED without touching versions or updatedAt, then updates only what changed', async () => {
    const first = await t.gql(SYNC_ACTORS, { source: 'cci', actors: members(3) }, partner);
    expect(first.errors).toBeUndefined();
    expect(first.data.syncActors).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
    const snapshot = async () => (await t.gql(`{ actors(filter: { source: "cci" }, first: 10) { edges { node { externalId version updatedAt } } } }`)).data.actors.edges.map((e: any) => e.node);
    const before = await snapshot();
    const replay = await t.gql(SYNC_ACTORS, { source: 'cci', actors: members(3) }, partner);
    expect(replay.data.syncActors).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(replay.data.syncActors.items.map((i: any) => i.id)).toEqual(first.data.syncActors.items.map((i: any) => i.id));
    expect(await snapshot()).toEqual(before);
    const changed = members(3);
    changed[1].name = 'Membre renommé';
    const upd = await t.gql(SYNC_ACTORS, { source: 'cci', actors: changed }, partner);
    expect(upd.data.syncActors).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    expect(upd.data.syncActors.items[1]).toMatchObject({ externalId: 'm-1', status: 'UPDATED' });
  });

  it('rejects a batch with invalid items, naming every bad index and field, and writes nothing', async () => {
    const before = await count('cci');
    const bad = [...members(5, 'bad')];
    bad[1] = { ...bad[1], name: '' };
    bad[3] = { ...bad[3], externalId: 'bad-0' };
    (bad[4] as any).email = 'x@example.org';
    const res = await t.gql(SYNC_ACTORS, { source: 'cci', actors: bad }, partner);
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const fields = res.errors![0].extensions!.invalid.map((i: any) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['actors.1.name', 'actors.3.externalId', 'actors.4.kind']));
    expect(res.errors![0].message).toMatch(/nothing was written/);
    const wrongEnum = await t.gql(SYNC_ACTORS, { source: 'cci', actors: [{ ...members(1)[0], sector: 'NOPE' }] }, partner);
    expect(wrongEnum.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(wrongEnum.errors![0].message).toMatch(/actors\[0\]\.sector/);
    expect(await count('cci')).toBe(before);
  });

  it('syncs bonds whose ends are API ids or external ids in this or another source; a missing end fails the batch', async () => {
    const other = await t.gql(SYNC_ACTORS, { source: 'univ', actors: [{ externalId: 'lab-1', name: 'Labo', kind: 'ORGANIZATION', sector: 'RESEARCH' }] }, editor);
    const labId = other.data.syncActors.items[0].id;
    const bonds = [
      { externalId: 'b-1', kind: 'COLLABORATES_WITH', from: { externalId: 'm-0' }, to: { externalId: 'm-1' }, since: '2013-01-01' },
      { externalId: 'b-2', kind: 'ADVISES', from: { externalId: 'lab-1', source: 'univ' }, to: { externalId: 'm-2' }, weight: 2 },
      { externalId: 'b-3', kind: 'FUNDS', from: { id: labId }, to: { externalId: 'm-0' } },
    ];
    const res = await t.gql(SYNC_BONDS, { source: 'cci', bonds }, partner);
    expect(res.errors).toBeUndefined();
    expect(res.data.syncBonds).toMatchObject({ created: 3 });
    const replay = await t.gql(SYNC_BONDS, { source: 'cci', bonds }, partner);
    expect(replay.data.syncBonds).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    const missing = await t.gql(SYNC_BONDS, { source: 'cci', bonds: [...bonds, { externalId: 'b-4', kind: 'FUNDS', from: { externalId: 'ghost' }, to: { externalId: 'm-0' } }] }, partner);
    expect(missing.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(missing.errors![0].extensions!.invalid[0].field).toBe('bonds.3.from');
    const total = await t.gql(`{ bonds(filter: { source: "cci" }) { totalCount } }`);
    expect(total.data.bonds.totalCount).toBe(3);
  });

  it('keeps a PARTNER to its own source', async () => {
    const res = await t.gql(SYNC_ACTORS, { source: 'univ', actors: members(1) }, partner);
    expect(res.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(res.errors![0].message).toMatch(/cci/);
    const lab = await t.gql(`{ actors(filter: { source: "univ" }) { edges { node { id } } } }`);
    const upd = await t.gql(`mutation($id: ID!) { updateActor(id: $id, input: { name: "Hijack" }) { id } }`, { id: lab.data.actors.edges[0].node.id }, partner);
    expect(upd.errors![0].extensions!.code).toBe('FORBIDDEN');
    const del = await t.gql(`mutation($id: ID!) { deleteActor(id: $id) { id } }`, { id: lab.data.actors.edges[0].node.id }, partner);
    expect(del.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(await count('univ')).toBe(1);
  });

  it('removes synced records with their bonds', async () => {
    const res = await t.gql(`mutation { removeSynced(source: "cci", actors: ["m-2", "nope"], bonds: ["b-1"]) { removedActors removedBonds notFound } }`, {}, partner);
    expect(res.errors).toBeUndefined();
    expect(res.data.removeSynced).toEqual({ removedActors: 1, removedBonds: 2, notFound: ['nope'] });
    expect((await t.gql(`{ bonds(filter: { source: "cci" }) { totalCount } }`)).data.bonds.totalCount).toBe(1);
  });

  it('leaves exactly 500 actors when eight clients send the same 500-actor sync at once', async () => {
    const batch = members(500, 'conc');
    const results = await Promise.all(Array.from({ length: 8 }, () => t.gql(SYNC_ACTORS, { source: 'conc', actors: batch }, editor)));
    for (const r of results) expect(r.errors).toBeUndefined();
    expect(await count('conc')).toBe(500);
    const created = results.reduce((s, r) => s + r.data.syncActors.created, 0);
    expect(created).toBe(500);
    const ids = new Set(results.flatMap((r) => r.data.syncActors.items.map((i: any) => i.id)));
    expect(ids.size).toBe(500);
  });

  it('refuses batches over the size limit, saying the limit', async () => {
    const small = await startTestApp({ env: { MAX_SYNC_ITEMS: '10' } });
    try {
      const ed = await small.key('EDITOR');
      const res = await small.gql(SYNC_ACTORS, { source: 'big', actors: members(11) }, ed);
      expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(/at most 10/);
    } finally {
      await small.stop();
    }
  });
});
