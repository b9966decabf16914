import { ErrorCode } from '../../../src/errors';
import { structuralHoleSpanners } from '../../../src/analytics/analytics.service';
import { userErrorOf } from '../../../src/analytics/metric-errors';
import { analysedWeight, networkInput, type ScopeEdge } from '../../../src/analytics/network.service';
import { MAX_SERIES_YEARS, seriesYears } from '../../../src/analytics/transversality.service';
import {
  betweennessCentrality,
  closenessCentrality,
  constraint,
  effectiveSize,
  eigenvectorCentrality,
  modularity,
  NotConvergedError,
  pagerank,
  WeightError,
} from '../../../src/analytics/metrics';
import { expectScores } from './fixtures';

/** How the API turns a scope's bonds into the analysed graph (issue #18 §9), against NetworkX 3.6.1. */
const bond = (source: string, target: string, extra: Partial<ScopeEdge> = {}): ScopeEdge => ({
  id: `${source}-${target}`, source, target, kind: 'COLLABORATES_WITH', weight: null, directed: true, since: null, until: null, ...extra,
});
const actors = (ids: string) => ids.split('').map((id) => ({ id }));

describe('topSpanners counts ties in either direction', () => {
  it('keeps an actor with 0 out-arcs and 3 in-arcs on a directed analysis (nx.constraint(x) = 1/3)', () => {
    // nx.constraint(nx.DiGraph([('a','x'),('b','x'),('c','x')])) -> x: 0.3333333333333333
    const input = networkInput(actors('abcx'), [bond('a', 'x'), bond('b', 'x'), bond('c', 'x')], { directed: true });
    expect(structuralHoleSpanners(input, { directed: true }, 10)).toEqual([['x', 1 / 3]]);
  });
});

describe('a bond with directed: false is a tie both ways', () => {
  // a->b, b-c (directed: false), c->d, d->e as nx.DiGraph([(a,b),(b,c),(c,b),(c,d),(d,e)])
  const edges = [bond('a', 'b'), bond('b', 'c', { directed: false }), bond('c', 'd'), bond('d', 'e')];
  const input = networkInput(actors('abcde'), edges, { directed: true });

  it('gives both arcs on a directed analysis', () => {
    expect(input.edges.map((e) => `${e.source}${e.target}`)).toEqual(['ab', 'bc', 'cb', 'cd', 'de']);
  });

  it('betweenness, closeness and PageRank equal NetworkX on the digraph', () => {
    expectScores(betweennessCentrality(input, { directed: true }), { a: 0, b: 0.25, c: 1 / 3, d: 0.25, e: 0 }, 1e-12);
    expectScores(closenessCentrality(input, { directed: true }), { a: 0, b: 0.5, c: 1 / 3, d: 0.375, e: 0.4 }, 1e-12);
    expectScores(pagerank(input, { directed: true }), {
      a: 0.06846697289222405, b: 0.24385497194494166, c: 0.2757436990454649, d: 0.18565804498652094, e: 0.22627631113084848,
    }, 1e-9);
  });

  it('gives one tie on an undirected analysis (not a doubled weight)', () => {
    const undirected = networkInput(actors('abcde'), edges, { weighted: true });
    expect(undirected.edges).toHaveLength(4);
  });
});

describe('bond weights: missing means 1, 0 means no strength, and a length metric refuses 0', () => {
  // nx.Graph with weights a-b 2, b-c 0, c-a 1, c-d 3, d-e 1
  const edges = [bond('a', 'b', { weight: 2 }), bond('b', 'c', { weight: 0 }), bond('c', 'a', { weight: 1 }), bond('c', 'd', { weight: 3 }), bond('d', 'e', { weight: 1 })];
  const options = { weighted: true };
  const input = networkInput(actors('abcde'), edges, options);

  it('reads a weight of 0 as 0 and a missing weight as 1', () => {
    expect(input.edges.map((e) => e.weight)).toEqual([2, 0, 1, 3, 1]);
    expect(analysedWeight({ id: 'b1', weight: null })).toBe(1);
    expect(analysedWeight({ id: 'b1', weight: 0 })).toBe(0);
  });

  it('strength metrics equal NetworkX (weight=...), where a 0 weight adds nothing', () => {
    expectScores(pagerank(input, options), {
      a: 0.21649651757575372, b: 0.1526813599595879, c: 0.2669052311063303, d: 0.2753953743161493, e: 0.0885215170421788,
    }, 1e-9);
    expectScores(eigenvectorCentrality(input, options), {
      a: 0.29992315696527144, b: 0.1776192258165523, c: 0.6576462703951702, d: 0.6403484207179596, e: 0.189612219162298,
    }, 1e-9);
    expectScores(constraint(input, options), { a: 0.5555555555555556, b: 1, c: 0.625, d: 0.625, e: 1 }, 1e-12);
    expectScores(effectiveSize(input, options), { a: 2, b: 1, c: 2, d: 2, e: 1 }, 1e-12);
    const groups = new Map([['a', 'x'], ['b', 'x'], ['c', 'y'], ['d', 'y'], ['e', 'y']]);
    expect(modularity(input, groups, options)).toBeCloseTo(0.3163265306122449, 12);
  });

  it('CLOSENESS and BETWEENNESS read weights as lengths and refuse 0 with BAD_USER_INPUT', () => {
    for (const metric of [closenessCentrality, betweennessCentrality]) {
      let thrown: unknown;
      try {
        metric(input, options);
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(WeightError);
      const mapped = userErrorOf(thrown) as { extensions: Record<string, unknown>; message: string };
      expect(mapped.extensions.code).toBe(ErrorCode.BAD_USER_INPUT);
      expect(mapped.extensions.field).toBe('scope.weighted');
      expect(mapped.message).toMatch(/length/);
    }
    expect(() => betweennessCentrality(input)).not.toThrow();
  });

  it('refuses a weight no metric can use (1.7e308, negative), naming the bond', () => {
    for (const weight of [1.7e308, -2]) {
      expect(() => analysedWeight({ id: 'bond-42', weight })).toThrow(expect.objectContaining({
        message: expect.stringContaining('bond-42'), extensions: expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT }),
      }));
    }
  });
});

describe('power iterations', () => {
  it('eigenvector converges with heavy weights on a bipartite network (weights scaled, same eigenvector)', () => {
    // nx.eigenvector_centrality of the path a-b-c: b = 1/√2, a = c = 1/2, whatever the common weight.
    const path = networkInput(actors('abc'), [bond('a', 'b', { weight: 1e6 }), bond('b', 'c', { weight: 1e6 })], { weighted: true });
    expectScores(eigenvectorCentrality(path, { weighted: true }), { a: 0.5, b: Math.SQRT1_2, c: 0.5 }, 1e-9);
  });

  it('a power iteration that does not converge is BAD_USER_INPUT saying what to change', () => {
    const path = networkInput(actors('abcd'), [bond('a', 'b'), bond('b', 'c', { weight: 3 }), bond('c', 'd')], { weighted: true });
    let thrown: unknown;
    try {
      eigenvectorCentrality(path, { weighted: true, maxIter: 2 });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(NotConvergedError);
    const mapped = userErrorOf(thrown) as { extensions: Record<string, unknown>; message: string };
    expect(mapped.extensions.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(mapped.message).toMatch(/EIGENVECTOR did not converge.*weighted: false/);
  });
});

describe('transversality series years', () => {
  it("spans the program's dated data, ends no later than asOf's year or this year, at most 50 points", () => {
    expect(seriesYears({ first: 2011, last: 2015 }, null, 2026)).toEqual([2011, 2012, 2013, 2014, 2015]);
    expect(seriesYears({ first: 2011, last: 2015 }, 2013, 2026)).toEqual([2011, 2012, 2013]);
    expect(seriesYears({ first: 1900, last: 2100 }, null, 2026)).toHaveLength(MAX_SERIES_YEARS);
    expect(seriesYears({ first: 1900, last: 2100 }, null, 2026).at(-1)).toBe(2026);
    expect(seriesYears({ first: null, last: null }, null, 2026)).toEqual([]);
    expect(seriesYears({ first: 2020, last: 2024 }, 2010, 2026)).toEqual([]);
  });
});
