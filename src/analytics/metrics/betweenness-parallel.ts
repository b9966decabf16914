import { readFileSync } from 'fs';
import { availableParallelism } from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { type BetweennessOptions, betweennessSources, kernelGraph, rescaleBetweenness } from './betweenness';
import { buildCsr, type NetworkInput, requirePositiveLengths, type Scores, toScores } from './graph';
import { type BrandesWasm, compileBrandesWasm, type KernelGraph } from './kernels';

/** Options of {@link betweennessCentralityParallel}. */
export interface ParallelBetweennessOptions extends BetweennessOptions {
  /** Worker threads to use; defaults to `os.availableParallelism()`, at most one per source. */
  workers?: number;
}

/**
 * {@link betweennessCentrality} with the source nodes dealt round-robin to `worker_threads`; the
 * same values (up to float summation order, ~1e-15). The caller's event loop stays free while the
 * workers run, so this is also the variant to call from a server, even with `workers: 1`.
 * Starting a worker costs some tens of milliseconds: for small graphs the synchronous function is
 * faster.
 *
 * Unweighted, this thread compiles the WebAssembly kernel once and hands the module to the
 * workers, which need nothing else. Weighted (or without WebAssembly), each worker runs the kernels
 * module next to this file: compiled, it requires kernels.js; from source (ts-node, ts-jest), this
 * thread transpiles kernels.ts once with `typescript` (about a second) and hands the JavaScript to
 * the workers, so they need no TypeScript tooling. The CSR arrays are shared with the workers
 * through SharedArrayBuffers, not copied.
 */
export async function betweennessCentralityParallel(
  input: NetworkInput,
  opts: ParallelBetweennessOptions = {},
): Promise<Scores> {
  const csr = buildCsr(input, opts);
  requirePositiveLengths(csr, 'betweenness');
  const sources = betweennessSources(csr, opts);
  const requested = Math.floor(opts.workers ?? availableParallelism());
  if (!(requested >= 1)) throw new RangeError(`workers must be >= 1, got ${opts.workers}`);
  const count = Math.min(requested, sources.length);
  const { graph, position } = kernelGraph(csr);
  const shared = shareGraph(graph);
  const mapped = sources.map((s) => position[s]);
  const parts = Array.from({ length: count }, (_, w) => mapped.filter((_, i) => i % count === w));
  const kernel = compileBrandesWasm(graph);
  const workers = parts.map((part) => startWorker(shared, part, kernel));
  let partials: Float64Array[];
  try {
    partials = await Promise.all(workers.map((w) => w.result));
  } finally {
    // Also stops the other workers when one fails.
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
  const raw = new Float64Array(csr.n);
  for (const partial of partials) for (let v = 0; v < csr.n; v++) raw[v] += partial[position[v]];
  return toScores(csr, rescaleBetweenness(raw, csr, sources, opts));
}

// With a WebAssembly kernel, the steps of runBrandesWasm (kernels.ts).
const WORKER_SOURCE = `
const { parentPort, workerData: d } = require('worker_threads');
const g = d.graph;
const out = new Float64Array(g.n);
if (d.kernel) {
  const { module, layout } = d.kernel;
  const memory = new WebAssembly.Memory({ initial: Math.ceil(layout.end / 65536) });
  const run = new WebAssembly.Instance(module, { kernel: { memory } }).exports.run;
  new Int32Array(memory.buffer, layout.offsets, g.n + 1).set(g.offsets);
  const Targets = layout.narrowTargets ? Uint16Array : Int32Array;
  new Targets(memory.buffer, layout.targets, g.targets.length).set(g.targets);
  for (let i = 0; i < d.sources.length; i++) run(d.sources[i]);
  out.set(new Float64Array(memory.buffer, layout.out, g.n));
} else {
  let kernels;
  if (d.kernelCode) {
    const module = { exports: {} };
    new Function('module', 'exports', 'require', d.kernelCode)(module, module.exports, require);
    kernels = module.exports;
  } else {
    kernels = require(d.kernelPath);
  }
  kernels.brandesAccumulate(g, d.sources, out);
}
parentPort.postMessage(out, [out.buffer]);
`;

let transpiledKernels: string | undefined;

/** Where a worker finds the kernels: the compiled file, or its source transpiled here. */
function kernelModule(): { kernelPath: string; kernelCode: string | null } {
  const extension = path.extname(__filename);
  const kernelPath = path.join(__dirname, `kernels${extension}`);
  if (extension !== '.ts') return { kernelPath, kernelCode: null };
  if (transpiledKernels === undefined) {
    // Only reached when running from source, where `typescript` is installed by definition.
    const ts = require('typescript') as typeof import('typescript');
    transpiledKernels = ts.transpileModule(readFileSync(kernelPath, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    }).outputText;
  }
  return { kernelPath, kernelCode: transpiledKernels };
}

function startWorker(
  graph: KernelGraph, sources: Int32Array, kernel: BrandesWasm | null,
): { worker: Worker; result: Promise<Float64Array> } {
  const workerData = kernel !== null ? { kernel, graph, sources } : { ...kernelModule(), graph, sources };
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData });
  const result = new Promise<Float64Array>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`betweenness worker exited with code ${code} before answering`)));
  });
  return { worker, result };
}

/** Copies the kernel arrays into SharedArrayBuffers so that every worker reads the same memory. */
function shareGraph(g: KernelGraph): KernelGraph {
  return {
    n: g.n, offsets: shared(g.offsets), targets: shared(g.targets), weights: g.weights && shared(g.weights),
    symmetric: g.symmetric,
  };
}

function shared<T extends Int32Array | Float64Array>(array: T): T {
  const copy = new (array.constructor as { new (buffer: SharedArrayBuffer): T })(
    new SharedArrayBuffer(array.byteLength),
  );
  copy.set(array);
  return copy;
}
