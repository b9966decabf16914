import { startTestApp, type TestApp } from '../helpers/app';

const FEED = `query($after: String, $first: Int, $source: String) { changes(after: $after, first: $first, source: $source) {
  headSeq edges { cursor node { seq entity entityId op source externalId version payload } } pageInfo { hasNextPage endCursor } } }`;

/** Reads the whole feed from a cursor, page by page. */
async function readAll(t: TestApp, key: string, after: string | null = null, source?: string) {
  const events: any[] = [];
  for (;;) {
    const res: any = await t.gql(FEED, { after, first: 200, source }, key);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    events.push(...res.data.changes.edges.map((e: any) => e.node));
    after = res.data.changes.pageInfo.endCursor;
    if (!res.data.changes.pageInfo.hasNextPage) return { events, cursor: after };
  }
}

/** Applies feed events to a map of id → payload: what a partner rebuilding the data would do. */
function rebuild(events: any[], entity: string): Map<string, any> {
  const state = new Map<string, any>();
  for (const e of events) {
    if (e.entity !== entity) continue;
    if (e.op === 'DELETE') state.delete(e.entityId);
    else state.set(e.entityId, e.payload);
  }
  return state;
}

describe('change feed', () => {
  let t: TestApp;
  let editor: string;
  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
    editor = await t.key('EDITOR');
  });
  afterAll(() => t.stop());

  it('rebuilds the current actors and bonds exactly, read from the start, with seq strictly increasing by 1', async () => {
    const { events } = await readAll(t, editor);
    expect(events.length).toBeGreaterThan(1000);
    events.forEach((e, i) => expect(e.seq).toBe(i + 1));
    const actors = rebuild(events, 'Actor');
    const all: any[] = [];
    let after: string | null = null;
    for (;;) {
      const res: any = await t.gql(`query($a: String) { actors(first: 100, after: $a) { edges { node { id name version } } pageInfo { hasNextPage endCursor } } }`, { a: after });
      all.push(...res.data.actors.edges.map((e: any) => e.node));
      if (!res.data.actors.pageInfo.hasNextPage) break;
      after = res.data.actors.pageInfo.endCursor;
    }
    expect(actors.size).toBe(all.length);
    for (const a of all) expect(actors.get(a.id)).toMatchObject({ name: a.name, version: a.version });
    const bonds = rebuild(events, 'Bond');
    const bondTotal = (await t.gql(`{ bonds { totalCount } }`)).data.bonds.totalCount;
    expect(bonds.size).toBe(bondTotal);
  });

  it('never skips or repeats an event while writers run concurrently, and keeps deletes as tombstones', async () => {
    const { cursor: start } = await readAll(t, editor);
    const create = (i: number) =>
      t.gql(`mutation($i: CreateActorInput!) { createActor(input: $i) { id } }`, { i: { name: `Concurrent ${i}`, kind: 'ORGANIZATION', sector: 'ECONOMIC', source: 'feedtest' } }, editor);
    // Writers and a reader run at the same time; the reader resumes from its last cursor.
    const seen: any[] = [];
    let cursor = start;
    let writing = true;
    const reader = (async () => {
      while (writing) {
        const { events, cursor: next } = await readAll(t, editor, cursor, 'feedtest');
        seen.push(...events);
        cursor = next;
      }
    })();
    const created = await Promise.all(Array.from({ length: 40 }, (_, i) => create(i)));
    const ids = created.map((r) => r.data.createActor.id);
    await Promise.all(ids.slice(0, 20).map((id, i) => t.gql(`mutation($id: ID!, $n: String) { updateActor(id: $id, input: { description: $n }) { id } }`, { id, n: `updated ${i}` }, editor)));
    await Promise.all(ids.slice(30).map((id) => t.gql(`mutation($id: ID!) { deleteActor(id: $id) { id } }`, { id }, editor)));
    writing = false;
    await reader;
    const { events: rest } = await readAll(t, editor, cursor, 'feedtest');
    seen.push(...rest);
    const seqs = seen.map((e) => e.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(seen.filter((e) => e.op === 'CREATE').length).toBe(40);
    expect(seen.filter((e) => e.op === 'UPDATE').length).toBe(20);
    const tombstones = seen.filter((e) => e.op === 'DELETE');
    expect(tombstones.length).toBe(10);
    expect(tombstones.every((e) => e.payload === null)).toBe(true);
    const state = rebuild(seen, 'Actor');
    expect(state.size).toBe(30);
    const now = await t.gql(`{ actors(filter: { source: "feedtest" }, first: 100) { totalCount edges { node { id description } } } }`);
    expect(now.data.actors.totalCount).toBe(30);
    for (const { node } of now.data.actors.edges) expect(state.get(node.id).description ?? null).toBe(node.description);
  });

  it('filters by source, keeps a PARTNER to its own, and refuses anonymous and VIEWER callers', async () => {
    const partner = await t.key('PARTNER', 'feedtest');
    const own = await t.gql(FEED, { first: 5 }, partner);
    expect(own.errors).toBeUndefined();
    expect(own.data.changes.edges.every((e: any) => e.node.source === 'feedtest')).toBe(true);
    const other = await t.gql(FEED, { first: 5, source: 'demo' }, partner);
    expect(other.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(FEED, { first: 1 })).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(FEED, { first: 1 }, await t.key('VIEWER'))).errors![0].extensions!.code).toBe('FORBIDDEN');
    const bad = await t.gql(FEED, { after: 'garbage' }, editor);
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('keeps no personal data in the feed, and forgets a deleted person entirely (GDPR)', async () => {
    const res = await t.gql(`mutation { createActor(input: { name: "Jeanne Privée", kind: PERSON, sector: CITIZENS, email: "jeanne@example.org", phone: "0600000000", source: "gdpr" }) { id } }`, {}, editor);
    const id = res.data.createActor.id;
    await t.gql(`mutation($id: ID!) { updateActor(id: $id, input: { territory: "Artois" }) { id } }`, { id }, editor);
    let { events } = await readAll(t, editor, null, 'gdpr');
    expect(JSON.stringify(events)).not.toMatch(/jeanne@example.org|0600000000/);
    expect(JSON.stringify(events)).toMatch(/Jeanne Privée/);
    await t.gql(`mutation($id: ID!) { deleteActor(id: $id) { id } }`, { id }, editor);
    ({ events } = await readAll(t, editor, null, 'gdpr'));
    expect(events.map((e) => e.op)).toEqual(['CREATE', 'UPDATE', 'DELETE']);
    expect(JSON.stringify(events)).not.toMatch(/Jeanne|jeanne|0600000000/);
  });
});
