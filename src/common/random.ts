/**
 * mulberry32: a small, fast seeded PRNG in [0, 1) with 32 bits of state — good enough for layouts,
 * community detection tie-breaks and generated data, and identical wherever it runs (no Node or
 * browser dependency: the explorer bundles it too).
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
