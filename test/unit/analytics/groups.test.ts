import { blau, type BrokerageRoles, brokerage, eiIndex, louvain, modularity } from '../../../src/analytics/metrics';
import { groupsOf, inputOf, loadFixture } from './fixtures';

const roles = (partial: Partial<BrokerageRoles>): BrokerageRoles => {
  const r = { coordinator: 0, itinerant: 0, gatekeeper: 0, representative: 0, liaison: 0, ...partial };
  return { ...r, total: r.coordinator + r.itinerant + r.gatekeeper + r.representative + r.liaison };
};

describe('brokerage (Gould-Fernandez, as R sna::brokerage)', () => {
  // Groups A = {a1, a2, a3}, B = {b1, b2}, C = {c1}. Open two-paths, counted by hand:
  //   a1→a2→a3  A A A  coordinator (a2)     b1→a1→a2  B A A  gatekeeper (a1)
  //   a2→a3→b1  A A B  representative (a3)  b2→a3→b1  B A B  itinerant (a3)
  //   a3→b1→c1  A B C  liaison (b1)         a3→b1→a1  A B A  itinerant (b1)
  //   b1→c1→b2  B C B  itinerant (c1)       c1→b2→a3  C B A  liaison (b2)
  const groups = new Map([['a1', 'A'], ['a2', 'A'], ['a3', 'A'], ['b1', 'B'], ['b2', 'B'], ['c1', 'C']]);
  const arcs = [['a1', 'a2'], ['a2', 'a3'], ['a3', 'b1'], ['b2', 'a3'], ['c1', 'b2'], ['b1', 'c1'], ['b1', 'a1']];
  const input = { nodes: [...groups.keys()], edges: arcs.map(([source, target]) => ({ source, target })) };

  it('counts each role on a hand-checked digraph', () => {
    expect(Object.fromEntries(brokerage(input, groups, { directed: true }))).toEqual({
      a1: roles({ gatekeeper: 1 }),
      a2: roles({ coordinator: 1 }),
      a3: roles({ representative: 1, itinerant: 1 }),
      b1: roles({ liaison: 1, itinerant: 1 }),
      b2: roles({ liaison: 1 }),
      c1: roles({ itinerant: 1 }),
    });
  });

  it('a closing arc a→b removes the two-path a→v→b', () => {
    const closed = { ...input, edges: [...input.edges, { source: 'a1', target: 'a3' }] };
    const result = brokerage(closed, groups, { directed: true });
    expect(result.get('a2')).toEqual(roles({}));
    // a1→a3 opens a1→a3→b1 (representative for a3) and b1→a1→a3 (gatekeeper for a1).
    expect(result.get('a3')).toEqual(roles({ representative: 2, itinerant: 1 }));
    expect(result.get('a1')).toEqual(roles({ gatekeeper: 2 }));
  });

  it('a two-path through a node without a group is not counted', () => {
    const partial = new Map(groups);
    partial.delete('c1');
    const result = brokerage(input, partial, { directed: true });
    expect(result.get('c1')).toEqual(roles({}));
    expect(result.get('b1')).toEqual(roles({ itinerant: 1 }));
  });

  for (const name of ['karate', 'directed'] as const) {
    const fixture = loadFixture(name);
    it(`${name}: equals a direct enumeration of the sna definition`, () => {
      const result = brokerage(inputOf(fixture), groupsOf(fixture), { directed: fixture.directed });
      expect(Object.fromEntries(result)).toEqual(fixture.partition!.brokerage);
      if (fixture.partition!.brokerage_undirected) {
        const undirected = brokerage(inputOf(fixture), groupsOf(fixture));
        expect(Object.fromEntries(undirected)).toEqual(fixture.partition!.brokerage_undirected);
      }
    });
  }
});

describe('E-I index, Blau, modularity of a given partition', () => {
  for (const name of ['karate', 'directed'] as const) {
    const fixture = loadFixture(name);
    const input = inputOf(fixture);
    const groups = groupsOf(fixture);
    const directed = fixture.directed;

    it(`${name}: as NetworkX / direct computation`, () => {
      expect(eiIndex(input, groups, { directed })).toBeCloseTo(fixture.partition!.ei_index, 12);
      expect(blau(groups.values())).toBeCloseTo(fixture.partition!.blau, 12);
      expect(modularity(input, groups, { directed })).toBeCloseTo(fixture.partition!.modularity, 12);
    });
  }

  it('karate: resolution and weights, as NetworkX', () => {
    const karate = loadFixture('karate');
    const input = inputOf(karate);
    const club = groupsOf(karate);
    expect(modularity(input, club, { resolution: 0.5 })).toBeCloseTo(karate.partition!.modularity_resolution_0_5!, 12);
    expect(modularity(input, club, { weighted: true })).toBeCloseTo(karate.weighted!.modularity_club as number, 12);
  });

  it('E-I: -1 all internal, +1 all external, NaN without ties; ungrouped nodes left out', () => {
    const nodes = ['a', 'b', 'c', 'd'];
    const groups = new Map([['a', 'x'], ['b', 'x'], ['c', 'y']]);
    const tie = (source: string, target: string) => ({ source, target });
    expect(eiIndex({ nodes, edges: [tie('a', 'b')] }, groups)).toBe(-1);
    expect(eiIndex({ nodes, edges: [tie('a', 'c'), tie('c', 'b')] }, groups)).toBe(1);
    expect(eiIndex({ nodes, edges: [tie('a', 'b'), tie('b', 'c'), tie('a', 'c'), tie('c', 'd')] }, groups)).toBeCloseTo(1 / 3, 12);
    expect(eiIndex({ nodes, edges: [tie('c', 'd')] }, groups)).toBeNaN();
  });

  it('Blau: 0 for one group or none, 1 - 1/k for k even groups', () => {
    expect(blau([])).toBe(0);
    expect(blau(['a', 'a', 'a'])).toBe(0);
    expect(blau(['a', 'b', 'c', 'd'])).toBeCloseTo(0.75, 12);
    expect(blau(['a', 'a', 'b', 'c'])).toBeCloseTo(1 - (0.25 + 0.0625 + 0.0625), 12);
  });

  it('modularity: unlisted nodes are singletons; NaN without ties', () => {
    const karate = inputOf(loadFixture('karate'));
    const singletons = new Map<string, string>();
    const explicit = new Map(karate.nodes.map((id) => [id, id]));
    expect(modularity(karate, singletons)).toBeCloseTo(modularity(karate, explicit), 12);
    expect(modularity({ nodes: ['a', 'b'], edges: [] }, new Map())).toBeNaN();
  });

  it('louvain: communities numbered from the largest; edgeless graph gives singletons', () => {
    const { communities } = louvain(inputOf(loadFixture('karate')), { seed: 3 });
    const sizes = new Map<number, number>();
    for (const c of communities.values()) sizes.set(c, (sizes.get(c) ?? 0) + 1);
    const ordered = [...sizes.keys()].sort((a, b) => a - b).map((c) => sizes.get(c)!);
    expect(ordered).toEqual([...ordered].sort((a, b) => b - a));
    const empty = louvain({ nodes: ['a', 'b'], edges: [] });
    expect(Object.fromEntries(empty.communities)).toEqual({ a: 0, b: 1 });
    expect(empty.modularity).toBeNaN();
  });
});
