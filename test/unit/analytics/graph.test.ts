import {
  betweennessCentrality,
  buildCsr,
  connectedComponents,
  degreeCentralization,
  density,
  eigenvectorCentrality,
  pagerank,
  toGraphology,
} from '../../../src/analytics/metrics';
import { PythonRandom } from '../../../src/analytics/metrics/python-random';

const tie = (source: string, target: string, weight?: number | null) => ({ source, target, weight });

describe('buildCsr: the analysed graph', () => {
  const input = {
    nodes: ['a', 'b', 'c', 'd'],
    edges: [tie('b', 'a', 2), tie('a', 'b', 3), tie('a', 'b'), tie('c', 'c', 5), tie('a', 'c', null), tie('a', 'zz')],
  };

  it('default: undirected simple graph, parallel ties merged, self-loops and unknown ends dropped', () => {
    const csr = buildCsr(input);
    expect(csr.edgeCount).toBe(2);
    expect([...csr.offsets]).toEqual([0, 2, 3, 4, 4]);
    expect([...csr.targets]).toEqual([1, 2, 0, 0]);
    expect([...csr.weights]).toEqual([1, 1, 1, 1]);
    expect(csr.inOffsets).toBe(csr.offsets);
  });

  it('weighted: merged weights are summed, a missing weight counts 1', () => {
    const csr = buildCsr(input, { weighted: true });
    expect([...csr.weights]).toEqual([6, 1, 6, 1]);
  });

  it('directed: opposite arcs stay distinct, repeated arcs merge', () => {
    const csr = buildCsr(input, { directed: true, weighted: true });
    expect(csr.edgeCount).toBe(3);
    expect([...csr.offsets]).toEqual([0, 2, 3, 3, 3]);
    expect([...csr.targets]).toEqual([1, 2, 0]);
    expect([...csr.weights]).toEqual([4, 1, 2]);
    expect([...csr.inOffsets]).toEqual([0, 1, 2, 3, 3]);
    expect([...csr.inSources]).toEqual([1, 0, 0]);
    expect([...csr.inWeights]).toEqual([2, 4, 1]);
  });

  it('rejects duplicate node ids and, when weighted, negative or non-finite weights; keeps a weight of 0 as 0', () => {
    expect(() => buildCsr({ nodes: ['a', 'a'], edges: [] })).toThrow(/duplicate/);
    expect(() => buildCsr({ nodes: ['a', 'b'], edges: [tie('a', 'b', -1)] }, { weighted: true })).toThrow(/≥ 0/);
    expect(() => buildCsr({ nodes: ['a', 'b'], edges: [tie('a', 'b', Infinity)] }, { weighted: true })).toThrow(/finite/);
    expect([...buildCsr({ nodes: ['a', 'b'], edges: [tie('a', 'b', 0)] }, { weighted: true }).weights]).toEqual([0, 0]);
    expect(() => buildCsr({ nodes: ['a', 'b'], edges: [tie('a', 'b', -1)] })).not.toThrow();
  });

  it('toGraphology gives the same simple graph', () => {
    const graph = toGraphology(input, { weighted: true });
    expect(graph.type).toBe('undirected');
    expect(graph.order).toBe(4);
    expect(graph.size).toBe(2);
    expect(graph.getEdgeAttribute(graph.edge('a', 'b')!, 'weight')).toBe(6);
  });
});

describe('small and degenerate graphs', () => {
  const star = { nodes: ['hub', 'x', 'y', 'z'], edges: [tie('hub', 'x'), tie('hub', 'y'), tie('hub', 'z')] };

  it('degree centralization: 1 for a star, 0 for a cycle, NaN under 3 nodes', () => {
    expect(degreeCentralization(star)).toBe(1);
    const cycle = { nodes: ['a', 'b', 'c'], edges: [tie('a', 'b'), tie('b', 'c'), tie('c', 'a')] };
    expect(degreeCentralization(cycle)).toBe(0);
    expect(degreeCentralization({ nodes: ['a', 'b'], edges: [tie('a', 'b')] })).toBeNaN();
  });

  it('density and components', () => {
    expect(density(star)).toBeCloseTo(0.5, 12);
    expect(density(star, { directed: true })).toBeCloseTo(0.25, 12);
    expect(density({ nodes: ['a'], edges: [] })).toBe(0);
    expect(connectedComponents({ nodes: ['p', 'q', 'r', 's', 't'], edges: [tie('s', 'r'), tie('t', 'q'), tie('q', 'p')] }))
      .toEqual([['p', 'q', 't'], ['r', 's']]);
  });

  it('empty graph: empty scores', () => {
    const empty = { nodes: [], edges: [] };
    expect(betweennessCentrality(empty).size).toBe(0);
    expect(pagerank(empty).size).toBe(0);
    expect(eigenvectorCentrality(empty).size).toBe(0);
  });

  it('betweenness k: validated; k = n is exact', () => {
    expect(() => betweennessCentrality(star, { k: 5 })).toThrow(RangeError);
    expect(() => betweennessCentrality(star, { k: 0 })).toThrow(RangeError);
    expect(betweennessCentrality(star, { k: 4 })).toEqual(betweennessCentrality(star));
  });
});

describe("PythonRandom: CPython's random.Random", () => {
  // Printed by python3: random.Random(seed).sample(range(n), k) and getrandbits(32).
  it('sample, pool branch and set branch, as CPython 3.11', () => {
    const range = (n: number) => Array.from({ length: n }, (_, i) => i);
    expect(new PythonRandom(0).sample(range(10), 3)).toEqual([6, 9, 0]);
    expect(new PythonRandom(42).sample(range(34), 10)).toEqual([7, 1, 17, 33, 30, 4, 23, 3, 21, 27]);
    expect(new PythonRandom(99).sample(range(100), 6)).toEqual([51, 48, 25, 76, 22, 29]);
    expect(new PythonRandom(123456789012).sample(range(10000), 500).slice(0, 5)).toEqual([6177, 339, 4316, 2300, 6847]);
  });

  it('getrandbits(32)', () => {
    const random = new PythonRandom(5);
    expect([random.nextUint32(), random.nextUint32()]).toEqual([2675342405, 1097127993]);
  });
});
