/** Jest globalTeardown of the `integration` project: stops what test/global-setup.ts started. */
import { rmSync } from 'node:fs';
import { TEST_NEO4J_KEY, type TestNeo4jState } from './global-setup';

type WithState = typeof globalThis & { [TEST_NEO4J_KEY]?: TestNeo4jState };

export default async function globalTeardown(): Promise<void> {
  const g = globalThis as WithState;
  const state = g[TEST_NEO4J_KEY];
  delete g[TEST_NEO4J_KEY];
  if (!state) return;
  if (state.local) {
    const t0 = Date.now();
    await state.local.stop(); // SIGTERM, then SIGKILL after 30 s
    console.log(`[global-teardown] local Neo4j stopped in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    delete process.env.NEO4J_URI;
    delete process.env.AGENCEMENT_TEST_NEO4J_PID;
  }
  if (state.dataDir) rmSync(state.dataDir, { recursive: true, force: true });
  if (state.container) await state.container.stop();
}
