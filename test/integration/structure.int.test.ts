/**
 * The program's own structure is the council's (issue #13 §2), participations are created once
 * under concurrency, and list arguments behave as front ends expect (issue #18 §3, §5).
 */
import { startTestApp, type TestApp } from '../helpers/app';

describe('program structure and list arguments', () => {
  let t: TestApp;
  let partner: string;
  let editor: string;
  let op: { id: string; code: string };
  let council: string[];
  let own: string;

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
    partner = await t.key('PARTNER', 'cci');
    editor = await t.key('EDITOR');
    op = (await t.gql(`{ operations { id code } }`)).data.operations.find((o: any) => o.code === 'FOOD_GOVERNANCE');
    council = (await t.gql(`{ actors(filter: { source: "tesr" }, first: 2) { edges { node { id } } } }`)).data.actors.edges.map((e: any) => e.node.id);
    own = (await t.gql(`mutation { createActor(input: { name: "Chambre de commerce", kind: ORGANIZATION, sector: ECONOMIC }) { id } }`, {}, partner)).data.createActor.id;
  });
  afterAll(() => t.stop());

  const code = (res: any) => res.errors?.[0]?.extensions?.code ?? 'OK';
  const transversality = async () => JSON.stringify((await t.gql(`{ transversality { current { eiIndex } departments { id } } }`, {}, editor)).data);

  it('a PARTNER cannot add council departments or governance bodies, by any door', async () => {
    const before = await transversality();
    expect(code(await t.gql(`mutation { createActor(input: { name: "Direction bis", kind: DEPARTMENT, sector: PUBLIC_ADMINISTRATION }) { id } }`, {}, partner))).toBe('FORBIDDEN');
    expect(code(await t.gql(`mutation { syncActors(source: "cci", actors: [{ externalId: "d", name: "Comité bis", kind: GOVERNANCE_BODY, sector: PUBLIC_ADMINISTRATION }]) { created } }`, {}, partner))).toBe('FORBIDDEN');
    const turned = await t.gql(`mutation($id: ID!) { updateActor(id: $id, input: { kind: DEPARTMENT }) { kind } }`, { id: own }, partner);
    expect(code(turned)).toBe('FORBIDDEN');
    expect((await t.gql(`query($id: ID!) { actor(id: $id) { kind } }`, { id: own })).data.actor.kind).toBe('ORGANIZATION');
    expect((await t.gql(`{ actors(filter: { source: "cci", kinds: [DEPARTMENT, GOVERNANCE_BODY] }) { totalCount } }`)).data.actors.totalCount).toBe(0);
    expect(await transversality()).toBe(before);
    // An EDITOR may.
    expect(code(await t.gql(`mutation { createActor(input: { name: "Direction du numérique", kind: DEPARTMENT, sector: PUBLIC_ADMINISTRATION, source: "tesr" }) { id } }`, {}, editor))).toBe('OK');
  });

  it('a PARTNER cannot take an operation lead role, nor tie two of the program\'s own actors', async () => {
    const lead = await t.gql(`mutation($i: CreateParticipationInput!) { createParticipation(input: $i) { id } }`, { i: { actor: own, operation: op.id, role: 'LEAD_DEPARTMENT' } }, partner);
    expect(code(lead)).toBe('FORBIDDEN');
    expect(lead.errors![0].message).toMatch(/only EDITOR or ADMIN/);
    const tie = await t.gql(`mutation($i: CreateBondInput!) { createBond(input: $i) { id } }`, { i: { kind: 'MEMBER_OF', from: council[0], to: council[1] } }, partner);
    expect(code(tie)).toBe('FORBIDDEN');
    const synced = await t.gql(`mutation($b: [BondSyncInput!]!) { syncBonds(source: "cci", bonds: $b) { created } }`, { b: [{ externalId: "x", kind: 'INFORMS', from: { id: council[0] }, to: { id: council[1] } }] }, partner);
    expect(code(synced)).toBe('FORBIDDEN');
    expect((await t.gql(`{ bonds(filter: { source: "cci" }) { totalCount } }`)).data.bonds.totalCount).toBe(0);
    // Its own ties to the program, and its own roles, are its to write.
    expect(code(await t.gql(`mutation($i: CreateBondInput!) { createBond(input: $i) { id } }`, { i: { kind: 'ADVISES', from: own, to: council[0] } }, partner))).toBe('OK');
    expect(code(await t.gql(`mutation($i: CreateParticipationInput!) { createParticipation(input: $i) { id } }`, { i: { actor: own, operation: op.id, role: 'PARTNER' } }, partner))).toBe('OK');
  });

  it('eight identical concurrent createParticipation calls create exactly one; the others get CONFLICT', async () => {
    const input = { actor: own, operation: op.id, role: 'CONTRIBUTOR' };
    const answers = await Promise.all(Array.from({ length: 8 }, () => t.gql(`mutation($i: CreateParticipationInput!) { createParticipation(input: $i) { id } }`, { i: input }, editor)));
    expect(answers.map(code).sort()).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'OK']);
    const parts = (await t.gql(`query($id: ID!) { actor(id: $id) { participations { role } } }`, { id: own })).data.actor.participations;
    expect(parts.filter((p: any) => p.role === 'CONTRIBUTOR')).toHaveLength(1);
  });

  it('sorts names in French order, accent- and case-insensitively, ties by id', async () => {
    for (const name of ['Zèbre', 'École d’architecture', 'ecole buissonnière', 'Abeille', 'Élan']) {
      await t.gql(`mutation($n: String!) { createActor(input: { name: $n, kind: ORGANIZATION, sector: RESEARCH, tags: ["ordre"] }) { id } }`, { n: name }, editor);
    }
    const page = async (after?: string) => (await t.gql(`query($a: String) { actors(filter: { tags: ["ordre"] }, orderBy: { field: NAME }, first: 2, after: $a) { edges { node { name } } pageInfo { endCursor hasNextPage } } }`, { a: after ?? null })).data.actors;
    const names: string[] = [];
    let p = await page();
    names.push(...p.edges.map((e: any) => e.node.name));
    while (p.pageInfo.hasNextPage) {
      p = await page(p.pageInfo.endCursor);
      names.push(...p.edges.map((e: any) => e.node.name));
    }
    expect(names).toEqual(['Abeille', 'ecole buissonnière', 'École d’architecture', 'Élan', 'Zèbre']);
  });

  it('refuses a cursor of another order with BAD_USER_INPUT, and takes an operation by id or code', async () => {
    const first = await t.gql(`{ actors(orderBy: { field: NAME }, first: 1) { pageInfo { endCursor } } }`);
    const wrong = await t.gql(`query($c: String) { actors(orderBy: { field: UPDATED_AT }, first: 1, after: $c) { totalCount } }`, { c: first.data.actors.pageInfo.endCursor });
    expect(code(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.errors![0].extensions!.field).toBe('after');
    const byId = await t.gql(`query($o: ID!) { actors(filter: { operation: $o }) { totalCount } }`, { o: op.id });
    const byCode = await t.gql(`{ actors(filter: { operation: "FOOD_GOVERNANCE" }) { totalCount } }`);
    expect(byId.data.actors.totalCount).toBeGreaterThan(0);
    expect(byCode.data.actors.totalCount).toBe(byId.data.actors.totalCount);
    expect(code(await t.gql(`{ actors(filter: { operation: "NO_SUCH_OPERATION" }) { totalCount } }`))).toBe('BAD_USER_INPUT');
  });
});
