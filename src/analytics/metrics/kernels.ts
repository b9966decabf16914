/**
 * Shortest-path kernels on typed arrays: Brandes' betweenness accumulation and distance sums for
 * closeness, each unweighted (BFS, direction-optimizing for betweenness; 32 sources at a time for
 * distance sums) or weighted (binary-heap Dijkstra, weight = length).
 *
 * This module imports nothing, so that a worker thread can load it alone (see
 * betweenness-parallel.ts). The inner loops touch only preallocated typed arrays.
 */

/** The arrays a kernel walks: row `v` is `targets[offsets[v] .. offsets[v + 1])`. */
export interface KernelGraph {
  n: number;
  offsets: Int32Array;
  targets: Int32Array;
  /** Arc lengths; `null` for the unweighted (BFS) kernels. Must be > 0. */
  weights: Float64Array | null;
  /**
   * Every arc v→w has its reverse w→v (an undirected graph): the BFS kernel may then find a level
   * from the nodes not yet reached instead of from the frontier. Absent means false.
   */
  symmetric?: boolean;
}

/**
 * Adds to `out[v]`, for each source `s` in `sources`, the dependency δ_s(v) of Brandes (2001):
 * the sum over targets t of σ_st(v)/σ_st, endpoints excluded. Summed over all sources this is
 * NetworkX's unnormalized betweenness before its rescaling (ordered pairs).
 *
 * Only the out-adjacency is needed; all buffers are allocated once per call, none per source.
 */
export function brandesAccumulate(g: KernelGraph, sources: Int32Array, out: Float64Array): void {
  if (g.weights === null) brandesBfs(g.n, g.offsets, g.targets, g.symmetric === true, sources, out);
  else brandesDijkstra(g.n, g.offsets, g.targets, g.weights, sources, out);
}

// A bottom-up level costs the arcs of the unreached nodes, a top-down one those of the frontier;
// bottom-up arcs are cheaper (a branch-free sum), hence the factor.
const BOTTOM_UP_FACTOR = 3;

/**
 * Brandes by BFS, level by level (direction-optimizing BFS, Beamer et al. 2012, applied to path
 * counts). Forward, a level is found either top-down (frontier arcs, σ pushed to new nodes) or, on
 * a symmetric graph when the frontier's arcs outnumber the unreached nodes' ones, bottom-up: each
 * unreached node sums `level[u]` over its neighbours, where `level` holds σ for the frontier and 0
 * elsewhere, so the sum is the node's σ and needs no test per arc. Backward, the same trick: with
 * `level` holding (1 + δ(w))/σ(w) for the level below and 0 elsewhere, δ(v)/σ(v) of a node is a
 * plain sum over its out-arcs (pull); on a symmetric graph, when the level below has fewer arcs,
 * its nodes push into `acc` instead.
 */
function brandesBfs(
  n: number, offsets: Int32Array, targets: Int32Array, symmetric: boolean, sources: Int32Array, out: Float64Array,
): void {
  const totalDegree = targets.length;
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const level = new Float64Array(n); // σ (forward) or (1 + δ)/σ (backward) of one level, 0 elsewhere
  const acc = new Float64Array(n);
  const order = new Int32Array(n); // nodes in BFS order, level after level
  const levelStart = new Int32Array(n + 1); // level L is order[levelStart[L] .. levelStart[L + 1])
  const unreached = new Int32Array(n);
  for (let si = 0; si < sources.length; si++) {
    const s = sources[si];
    dist[s] = 0;
    sigma[s] = 1;
    order[0] = s;
    let head = 0;
    let tail = 1;
    let levels = 0;
    let frontierDegree = offsets[s + 1] - offsets[s];
    let unreachedDegree = totalDegree - frontierDegree;
    let unreachedCount = -1; // the list is built at the first bottom-up level
    while (head < tail) {
      const levelEnd = tail;
      levelStart[levels++] = head;
      const next = levels;
      let foundDegree = 0;
      if (!symmetric || BOTTOM_UP_FACTOR * frontierDegree <= unreachedDegree) {
        for (; head < levelEnd; head++) {
          const v = order[head];
          const sv = sigma[v];
          const end = offsets[v + 1];
          for (let e = offsets[v]; e < end; e++) {
            const w = targets[e];
            const dw = dist[w];
            if (dw < 0) {
              dist[w] = next;
              sigma[w] = sv;
              order[tail++] = w;
              foundDegree += offsets[w + 1] - offsets[w];
            } else if (dw === next) {
              sigma[w] += sv;
            }
          }
        }
        if (unreachedCount > 0) {
          let kept = 0;
          for (let i = 0; i < unreachedCount; i++) if (dist[unreached[i]] < 0) unreached[kept++] = unreached[i];
          unreachedCount = kept;
        }
      } else {
        if (unreachedCount < 0) {
          unreachedCount = 0;
          for (let w = 0; w < n; w++) if (dist[w] < 0) unreached[unreachedCount++] = w;
        }
        for (let i = head; i < levelEnd; i++) level[order[i]] = sigma[order[i]];
        let kept = 0;
        for (let i = 0; i < unreachedCount; i++) {
          const w = unreached[i];
          const end = offsets[w + 1];
          let sum = 0;
          for (let e = offsets[w]; e < end; e++) sum += level[targets[e]];
          if (sum > 0) {
            dist[w] = next;
            sigma[w] = sum;
            order[tail++] = w;
            foundDegree += end - offsets[w];
          } else {
            unreached[kept++] = w;
          }
        }
        unreachedCount = kept;
        for (; head < levelEnd; head++) level[order[head]] = 0;
      }
      unreachedDegree -= foundDegree;
      frontierDegree = foundDegree;
    }
    levelStart[levels] = tail;

    // Backward: the deepest level has δ = 0; then each level from the one below it.
    let belowDegree = 0;
    for (let i = levelStart[levels - 1]; i < tail; i++) {
      const w = order[i];
      level[w] = 1 / sigma[w];
      belowDegree += offsets[w + 1] - offsets[w];
    }
    for (let L = levels - 2; L > 0; L--) {
      const from = levelStart[L];
      const to = levelStart[L + 1];
      const belowEnd = levelStart[L + 2];
      let ownDegree = 0;
      for (let i = from; i < to; i++) ownDegree += offsets[order[i] + 1] - offsets[order[i]];
      if (!symmetric || ownDegree <= belowDegree) {
        for (let i = from; i < to; i++) {
          const v = order[i];
          const end = offsets[v + 1];
          let sum = 0;
          for (let e = offsets[v]; e < end; e++) sum += level[targets[e]];
          acc[v] = sum;
        }
      } else {
        for (let i = from; i < to; i++) acc[order[i]] = 0;
        for (let i = to; i < belowEnd; i++) {
          const w = order[i];
          const coefficient = level[w];
          const end = offsets[w + 1];
          for (let e = offsets[w]; e < end; e++) acc[targets[e]] += coefficient;
        }
      }
      for (let i = to; i < belowEnd; i++) level[order[i]] = 0;
      for (let i = from; i < to; i++) {
        const v = order[i];
        const delta = sigma[v] * acc[v];
        out[v] += delta;
        level[v] = (1 + delta) / sigma[v];
      }
      belowDegree = ownDegree;
    }
    for (let i = 0; i < tail; i++) {
      dist[order[i]] = -1;
      level[order[i]] = 0;
    }
  }
}

function brandesDijkstra(
  n: number, offsets: Int32Array, targets: Int32Array, weights: Float64Array, sources: Int32Array, out: Float64Array,
): void {
  const dist = new Float64Array(n).fill(Infinity);
  const done = new Uint8Array(n);
  const sigma = new Float64Array(n);
  const coef = new Float64Array(n);
  const order = new Int32Array(n);
  const heap = new MinHeap(targets.length + 1);
  for (let si = 0; si < sources.length; si++) {
    const s = sources[si];
    dist[s] = 0;
    sigma[s] = 1;
    heap.push(s, 0);
    let count = 0;
    while (heap.size > 0) {
      const v = heap.pop();
      if (done[v] === 1) continue;
      done[v] = 1;
      order[count++] = v;
      const dv = dist[v];
      const sv = sigma[v];
      const end = offsets[v + 1];
      for (let e = offsets[v]; e < end; e++) {
        const w = targets[e];
        if (done[w] === 1) continue;
        const alt = dv + weights[e];
        if (alt < dist[w]) {
          dist[w] = alt;
          sigma[w] = sv;
          heap.push(w, alt);
        } else if (alt === dist[w]) {
          sigma[w] += sv;
        }
      }
    }
    for (let i = count - 1; i > 0; i--) {
      const v = order[i];
      const dv = dist[v];
      const end = offsets[v + 1];
      let sum = 0;
      for (let e = offsets[v]; e < end; e++) {
        const w = targets[e];
        // The same float expression NetworkX compares, so ties are resolved identically.
        if (dv + weights[e] === dist[w]) sum += coef[w];
      }
      const delta = sigma[v] * sum;
      out[v] += delta;
      coef[v] = (1 + delta) / sigma[v];
    }
    for (let i = 0; i < count; i++) {
      dist[order[i]] = Infinity;
      done[order[i]] = 0;
    }
  }
}

/**
 * For each node `s` in `sources`: the number of other nodes reached from `s` (`reached[s]`) and the
 * sum of their distances (`total[s]`), following the rows given (pass the in-adjacency to get the
 * incoming distances NetworkX's closeness uses on digraphs).
 */
export function distanceSums(g: KernelGraph, sources: Int32Array, reached: Float64Array, total: Float64Array): void {
  if (g.weights === null) bitParallelDistanceSums(g.n, g.offsets, g.targets, sources, reached, total);
  else dijkstraDistanceSums(g.n, g.offsets, g.targets, g.weights, sources, reached, total);
}

/**
 * Unweighted distance sums by multi-source BFS (Then et al., VLDB 2015): 32 BFS at once, one bit per
 * source in an Int32 mask per node, so an arc is scanned once per level for all 32 searches instead
 * of once per search. Sources numbered close together (see {@link relabelForLocality}) share most
 * levels, which is where the gain comes from.
 */
function bitParallelDistanceSums(
  n: number, offsets: Int32Array, targets: Int32Array, sources: Int32Array, reached: Float64Array, total: Float64Array,
): void {
  const seen = new Int32Array(n);
  const frontier = new Int32Array(n);
  const next = new Int32Array(n);
  const count = new Float64Array(32);
  const sum = new Float64Array(32);
  for (let base = 0; base < sources.length; base += 32) {
    const batch = Math.min(32, sources.length - base);
    seen.fill(0);
    frontier.fill(0);
    count.fill(0);
    sum.fill(0);
    for (let b = 0; b < batch; b++) {
      seen[sources[base + b]] |= 1 << b;
      frontier[sources[base + b]] |= 1 << b;
    }
    for (let level = 1, active = true; active; level++) {
      for (let v = 0; v < n; v++) {
        const bits = frontier[v];
        if (bits === 0) continue;
        const end = offsets[v + 1];
        for (let e = offsets[v]; e < end; e++) next[targets[e]] |= bits;
      }
      active = false;
      for (let w = 0; w < n; w++) {
        let fresh = next[w] & ~seen[w];
        next[w] = 0;
        frontier[w] = fresh;
        if (fresh === 0) continue;
        seen[w] |= fresh;
        active = true;
        while (fresh !== 0) {
          const b = 31 - Math.clz32(fresh & -fresh);
          count[b]++;
          sum[b] += level;
          fresh &= fresh - 1;
        }
      }
    }
    for (let b = 0; b < batch; b++) {
      reached[sources[base + b]] = count[b];
      total[sources[base + b]] = sum[b];
    }
  }
}

function dijkstraDistanceSums(
  n: number, offsets: Int32Array, targets: Int32Array, weights: Float64Array,
  sources: Int32Array, reached: Float64Array, total: Float64Array,
): void {
  const order = new Int32Array(n);
  const dist = new Float64Array(n).fill(Infinity);
  const done = new Uint8Array(n);
  const heap = new MinHeap(targets.length + 1);
  for (let si = 0; si < sources.length; si++) {
    const s = sources[si];
    dist[s] = 0;
    heap.push(s, 0);
    let count = 0;
    let sum = 0;
    while (heap.size > 0) {
      const v = heap.pop();
      if (done[v] === 1) continue;
      done[v] = 1;
      order[count++] = v;
      const dv = dist[v];
      sum += dv;
      const end = offsets[v + 1];
      for (let e = offsets[v]; e < end; e++) {
        const w = targets[e];
        const alt = dv + weights[e];
        if (done[w] === 0 && alt < dist[w]) {
          dist[w] = alt;
          heap.push(w, alt);
        }
      }
    }
    reached[s] = count - 1;
    total[s] = sum;
    for (let i = 0; i < count; i++) {
      dist[order[i]] = Infinity;
      done[order[i]] = 0;
    }
  }
}

/** Binary min-heap of (node, key) in typed arrays; stale entries are skipped by the caller. */
class MinHeap {
  size = 0;
  private readonly nodes: Int32Array;
  private readonly keys: Float64Array;

  constructor(capacity: number) {
    this.nodes = new Int32Array(capacity);
    this.keys = new Float64Array(capacity);
  }

  push(node: number, key: number): void {
    const nodes = this.nodes;
    const keys = this.keys;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent] <= key) break;
      nodes[i] = nodes[parent];
      keys[i] = keys[parent];
      i = parent;
    }
    nodes[i] = node;
    keys[i] = key;
  }

  /** Removes and returns the node with the smallest key. */
  pop(): number {
    const nodes = this.nodes;
    const keys = this.keys;
    const top = nodes[0];
    const last = --this.size;
    const node = nodes[last];
    const key = keys[last];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && keys[child + 1] < keys[child]) child++;
      if (keys[child] >= key) break;
      nodes[i] = nodes[child];
      keys[i] = keys[child];
      i = child;
    }
    nodes[i] = node;
    keys[i] = key;
    return top;
  }
}

/**
 * The same graph with nodes renumbered in BFS order, so that a node's neighbours mostly sit near
 * it in the per-node arrays (~10-15% faster traversals on clustered graphs). `position[v]` is the
 * new number of node v: run a kernel on `graph` with sources mapped through `position`, and read
 * node v's result at `position[v]`.
 */
export function relabelForLocality(g: KernelGraph): { graph: KernelGraph; position: Int32Array } {
  const { n, offsets, targets, weights } = g;
  const order = new Int32Array(n);
  const position = new Int32Array(n).fill(-1);
  let tail = 0;
  for (let root = 0; root < n; root++) {
    if (position[root] >= 0) continue;
    let head = tail;
    position[root] = tail;
    order[tail++] = root;
    while (head < tail) {
      const v = order[head++];
      for (let e = offsets[v]; e < offsets[v + 1]; e++) {
        const w = targets[e];
        if (position[w] < 0) {
          position[w] = tail;
          order[tail++] = w;
        }
      }
    }
  }
  const newOffsets = new Int32Array(n + 1);
  const newTargets = new Int32Array(targets.length);
  const newWeights = weights === null ? null : new Float64Array(weights.length);
  for (let i = 0; i < n; i++) {
    const v = order[i];
    let k = newOffsets[i];
    for (let e = offsets[v]; e < offsets[v + 1]; e++, k++) {
      newTargets[k] = position[targets[e]];
      if (newWeights !== null && weights !== null) newWeights[k] = weights[e];
    }
    newOffsets[i + 1] = k;
  }
  return { graph: { n, offsets: newOffsets, targets: newTargets, weights: newWeights, symmetric: g.symmetric }, position };
}
