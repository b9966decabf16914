/**
 * Our API alone in its own process (so that its RSS and CPU can be measured apart from the
 * harness): `startServer` with NODE_ENV=production and LOG_LEVEL=silent on NEO4J_URI, on a free
 * port. Prints `READY <url>` once serving; SIGTERM stops it cleanly (and lets --cpu-prof write).
 */
import 'reflect-metadata';
import { loadConfig } from '../../src/config';
import { Database, databaseOptions } from '../../src/db/database';
import { preloadCypher } from '../../src/db/cypher';
import { startServer } from '../../src/server';
import { serve } from './serve';

async function main(): Promise<() => Promise<void>> {
  const config = loadConfig({ ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'silent', HOST: '127.0.0.1' });
  if (!config.NEO4J_URI) throw new Error('NEO4J_URI is required');
  preloadCypher();
  const db = new Database(databaseOptions(config, config.NEO4J_URI));
  const app = await startServer({ config, db }, 0);
  process.stdout.write(`READY ${app.url}\n`);
  if (process.env.BENCH_MEMORY_LOG) {
    // Diagnostics: where the resident memory goes (heap, external, array buffers), every 2 s.
    setInterval(() => {
      const m = process.memoryUsage();
      const mb = (x: number) => (x / 1048576).toFixed(0);
      process.stderr.write(`[ours] rss ${mb(m.rss)} heapTotal ${mb(m.heapTotal)} heapUsed ${mb(m.heapUsed)} external ${mb(m.external)} arrayBuffers ${mb(m.arrayBuffers)}\n`);
    }, 2000).unref();
  }
  return async () => {
    await app.stop().catch(() => undefined);
    await db.close();
  };
}

serve(main);
