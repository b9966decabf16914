import { startTestApp, type TestApp } from '../helpers/app';

/**
 * `network` for drawing when a scope holds thousands of actors without a bond (a partner's import):
 * the 2,000-actor cap keeps the bonded actors, `isolates` counts the others, `hideIsolates` leaves
 * them out.
 */
describe('network: isolates and the size cap', () => {
  let t: TestApp;
  let analyst: string;
  const ISOLATED = 2100;

  beforeAll(async () => {
    t = await startTestApp();
    analyst = await t.key('ANALYST');
    const partner = await t.key('PARTNER', 'islands');
    // The isolated ones sort before the bonded ones by id, which the cap once kept first.
    const actors = [
      ...Array.from({ length: ISOLATED }, (_, i) => ({ externalId: `i${i}`, name: `Isolated ${i}`, kind: 'ORGANIZATION', sector: 'ECONOMIC' })),
      ...['a', 'b', 'c'].map((x) => ({ externalId: x, name: `Bonded ${x}`, kind: 'ORGANIZATION', sector: 'RESEARCH' })),
    ];
    const a = await t.gql(`mutation($a: [ActorSyncInput!]!) { syncActors(source: "islands", actors: $a) { created } }`, { a: actors }, partner);
    expect(a.errors).toBeUndefined();
    expect(a.data.syncActors.created).toBe(ISOLATED + 3);
    const bonds = [
      { externalId: 'ab', kind: 'COLLABORATES_WITH', from: { externalId: 'a' }, to: { externalId: 'b' } },
      { externalId: 'bc', kind: 'SUPPLIES', from: { externalId: 'b' }, to: { externalId: 'c' } },
    ];
    const b = await t.gql(`mutation($b: [BondSyncInput!]!) { syncBonds(source: "islands", bonds: $b) { created } }`, { b: bonds }, partner);
    expect(b.data.syncBonds.created).toBe(2);
  });
  afterAll(() => t.stop());

  const NETWORK = `query($hide: Boolean) { network(scope: { source: "islands" }, hideIsolates: $hide) { truncated actorCount isolates nodes { name } edges { externalId } } }`;

  it('caps at 2,000 actors keeping the bonded ones and their bonds', async () => {
    const res = await t.gql(NETWORK, { hide: false }, analyst);
    expect(res.errors).toBeUndefined();
    const net = res.data.network;
    expect(net.truncated).toBe(true);
    expect(net.nodes).toHaveLength(2000);
    expect(net.actorCount).toBe(ISOLATED + 3);
    expect(net.isolates).toBe(ISOLATED);
    expect(net.nodes.map((n: any) => n.name)).toEqual(expect.arrayContaining(['Bonded a', 'Bonded b', 'Bonded c']));
    expect(net.edges.map((e: any) => e.externalId).sort()).toEqual(['ab', 'bc']);
  });

  it('hideIsolates leaves out the actors with no bond, and counts them', async () => {
    const res = await t.gql(NETWORK, { hide: true }, analyst);
    const net = res.data.network;
    expect(net).toMatchObject({ truncated: false, actorCount: ISOLATED + 3, isolates: ISOLATED });
    expect(net.nodes.map((n: any) => n.name).sort()).toEqual(['Bonded a', 'Bonded b', 'Bonded c']);
    expect(net.edges).toHaveLength(2);
  });

  it('counts an isolated centre in an ego network', async () => {
    const { data } = await t.gql(`{ network(scope: { source: "islands" }) { nodes { id name } } }`, {}, analyst);
    const lonely = data.network.nodes.find((n: any) => n.name.startsWith('Isolated')).id;
    const ego = await t.gql(`query($a: ID!) { egoNetwork(actor: $a) { actorCount isolates nodes { id } } }`, { a: lonely }, analyst);
    expect(ego.errors).toBeUndefined();
    expect(ego.data.egoNetwork).toEqual({ actorCount: 1, isolates: 1, nodes: [{ id: lonely }] });
  });
});
