import { kernelGraph } from '../../../src/analytics/metrics/betweenness';
import { buildCsr } from '../../../src/analytics/metrics/graph';
import { brandesAccumulate } from '../../../src/analytics/metrics/kernels';
import { randomNetwork } from './random-graphs';

/** The unweighted Brandes kernel runs in WebAssembly; its JavaScript twin is the fallback. */
describe('brandesAccumulate, WebAssembly and JavaScript', () => {
  const cases = [
    { name: 'sparse, with isolates', input: randomNetwork(3, 200, 300, 5) },
    { name: 'denser', input: randomNetwork(5, 120, 1500) },
    { name: 'many small components', input: randomNetwork(8, 400, 150) },
  ];
  for (const { name, input } of cases) {
    for (const directed of [false, true]) {
      it(`give the same values: ${name}, ${directed ? 'directed' : 'undirected'}`, () => {
        const { graph } = kernelGraph(buildCsr(input, { directed }));
        const sources = Int32Array.from({ length: graph.n }, (_, i) => i);
        const wasm = new Float64Array(graph.n);
        const js = new Float64Array(graph.n);
        brandesAccumulate(graph, sources, wasm);
        brandesAccumulate(graph, sources, js, false);
        expect(Array.from(wasm)).toEqual(Array.from(js));
        expect(js.some((x) => x > 0)).toBe(true);
      });
    }
  }

  it('give the same values with node numbers over 65,536 (4-byte targets)', () => {
    const { graph } = kernelGraph(buildCsr(randomNetwork(6, 70000, 140000)));
    const sources = Int32Array.from({ length: 12 }, (_, i) => i * 5831);
    const wasm = new Float64Array(graph.n);
    const js = new Float64Array(graph.n);
    brandesAccumulate(graph, sources, wasm);
    brandesAccumulate(graph, sources, js, false);
    expect(Array.from(wasm)).toEqual(Array.from(js));
  });

  it('adds to what `out` already holds', () => {
    const { graph } = kernelGraph(buildCsr(randomNetwork(4, 50, 120)));
    const sources = Int32Array.from([0, 7, 7, 20]);
    const once = new Float64Array(graph.n);
    brandesAccumulate(graph, sources, once);
    const twice = Float64Array.from(once);
    brandesAccumulate(graph, sources, twice);
    expect(Array.from(twice)).toEqual(Array.from(once, (x) => 2 * x));
  });
});
