import 'reflect-metadata';
import { resolve } from 'node:path';
import { loadConfig } from './config';
import { Database, databaseOptions } from './db/database';
import { migrate } from './db/migrate';
import { preloadCypher } from './db/cypher';
import { startServer } from './server';
import { createLogger } from './logger';
import { isEmpty, loadGraph } from './seed/seed.service';
import { buildDemoGraph } from './seed/demo-data';
import { startLocalNeo4j, type LocalNeo4j } from './db/local-neo4j';

/**
 * `npm start`: with no NEO4J_URI, starts a local Neo4j 5.26 (jars from Maven Central on first run),
 * applies migrations, loads the demo graph into an empty database, serves GraphQL.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  preloadCypher();
  let local: LocalNeo4j | null = null;
  let uri = config.NEO4J_URI;
  if (!uri) {
    const dataDir = resolve(config.AGENCEMENT_DATA_DIR, 'neo4j');
    logger.info({ port: config.NEO4J_BOLT_PORT, dataDir }, 'NEO4J_URI not set: starting a local Neo4j 5.26');
    const t0 = Date.now();
    local = await startLocalNeo4j({ port: config.NEO4J_BOLT_PORT, dataDir, log: (line) => logger.debug({ neo4j: line }), stopOnExit: true });
    uri = local.uri;
    logger.info({ uri, seconds: (Date.now() - t0) / 1000 }, 'local Neo4j ready');
  }
  const db = new Database(databaseOptions(config, uri));
  const applied = await migrate(db);
  logger.info({ applied }, 'migrations applied');
  if (config.AGENCEMENT_SEED_DEMO === 'auto' && (await isEmpty(db))) {
    const counts = await loadGraph(db, buildDemoGraph());
    logger.info(counts, 'empty database: demo TESR graph loaded');
  }
  const app = await startServer({ config, db, logger });
  logger.info({ url: `http://localhost:${app.port}/graphql` }, 'Agencement is serving GraphQL');
  console.log(`Agencement ready: http://localhost:${app.port}/graphql`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const timer = setTimeout(() => {
      logger.error('shutdown timed out (SHUTDOWN_TIMEOUT_MS); exiting');
      process.exit(1);
    }, config.SHUTDOWN_DELAY_MS + config.SHUTDOWN_TIMEOUT_MS);
    try {
      app.markDraining();
      await new Promise((r) => setTimeout(r, config.SHUTDOWN_DELAY_MS));
      await app.stop();
      logger.info('HTTP drained: in-flight requests finished');
      await db.close();
      logger.info('Neo4j driver closed');
      if (local) await local.stop();
      clearTimeout(timer);
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  // A stray rejected promise must not take every in-flight request down with the process.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
