/**
 * Our API alone in its own process (so that its RSS and CPU can be measured apart from the
 * harness): `startServer` with NODE_ENV=production and LOG_LEVEL=silent on NEO4J_URI, on a free
 * port. Prints `READY <url>` once serving; SIGTERM stops it cleanly (and lets --cpu-prof write).
 */
import 'reflect-metadata';
import { loadConfig } from '../../src/config';
import { Database } from '../../src/db/database';
import { preloadCypher } from '../../src/db/cypher';
import { startServer } from '../../src/server';

/**
 * What-if experiments for the performance report (never used by `npm run bench` unless asked):
 * BENCH_WHATIF=autocommit: reads as auto-commit transactions (RUN+PULL in one Bolt write instead of
 *   BEGIN, RUN+PULL, COMMIT), the queries of one batch in parallel sessions.
 * BENCH_WHATIF=nocachecontrol: without Apollo's implicit cache-control plugin (which wraps every
 *   field resolver to read @cacheControl hints we never set).
 * Both change src/db/database.ts / src/server.ts behaviour from the outside, to measure what such a
 * change there would buy; comma-separate to combine.
 */
function applyWhatIfs(): void {
  const whatIf = new Set((process.env.BENCH_WHATIF ?? '').split(',').filter(Boolean));
  if (whatIf.has('autocommit')) {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { Executor } = require('../../src/db/database');
    const { cypher } = require('../../src/db/cypher');
    const { plain } = require('../../src/db/values');
    const { toAppError } = require('../../src/errors');
    Executor.prototype.read = async function (this: any, name: string, params: Record<string, unknown> = {}, variant?: any) {
      const session = this.db.session('READ');
      try {
        return await this.timed(name, async () => {
          const res = await session.run(cypher(name, variant), params, { timeout: this.db.options.txTimeoutMs, metadata: { app: 'agencement', ...this.meta } });
          return res.records.map((r: any) => plain(r.toObject()));
        });
      } catch (err) {
        throw toAppError(err);
      } finally {
        await session.close().catch(() => undefined);
      }
    };
    Executor.prototype.readTx = async function (this: any, work: (tx: any) => Promise<unknown>) {
      return work({ run: (name: string, params: Record<string, unknown>, variant?: any) => this.read(name, params, variant) });
    };
  }
  if (whatIf.has('nocachecontrol')) {
    const limits = require('../../src/http/limits');
    const original = limits.limitsPlugin;
    limits.limitsPlugin = (...args: unknown[]) => Object.assign(original(...args), { __internal_plugin_id__: 'CacheControl' });
  }
}

async function main(): Promise<void> {
  applyWhatIfs();
  const config = loadConfig({ ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'silent', HOST: '127.0.0.1' });
  if (!config.NEO4J_URI) throw new Error('NEO4J_URI is required');
  preloadCypher();
  const db = new Database({ uri: config.NEO4J_URI, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD, database: config.NEO4J_DATABASE, txTimeoutMs: config.NEO4J_TX_TIMEOUT_MS });
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
  const stop = async () => {
    await app.stop().catch(() => undefined);
    await db.close().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
