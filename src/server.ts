import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { Config } from './config';
import { isProduction } from './config';
import type { Database } from './db/database';
import type { Context } from './context';
import { createLoaders } from './loaders';
import { createSchema } from './schema';
import { KeyResolver } from './auth/key.service';
import { AppError, ErrorCode, formatError } from './errors';
import { createLogger, type Logger } from './logger';
import { limitsPlugin } from './http/limits';
import { exportRouter } from './http/export.route';
import { evaluationRouter } from './http/evaluation.route';
import { reportRouter } from './http/report.route';
import { corsMiddleware } from './http/cors';
import { recordsRouter } from './http/records.route';
import { explorerRouter, graphiqlHandler } from './http/explorer.route';
import { Metrics, metricsHandler, observabilityPlugin, startMetricsServer } from './http/metrics';
import { WebhookDelivery } from './webhooks/webhook.delivery';
import { startSubscriptionServer, type SubscriptionServer } from './subscriptions/ws.server';
import { planStatements } from './db/warmup';
import { SYNC_STATEMENTS } from './sync/sync.service';
import { rehearseSync } from './sync/sync.warmup';

/** The longest /readyz says `warming` while the write statements are planned at start-up. */
const WARMUP_MAX_MS = 15_000;

/** Paths that are not counted as in-flight work (probes and scrapes). */
const PROBES = new Set(['/metrics', '/healthz', '/readyz']);

export interface AppOptions {
  config: Config;
  db: Database;
  logger?: Logger;
}

export interface RunningApp {
  url: string;
  port: number;
  /** Where /metrics is served: the API's port, or METRICS_PORT on 127.0.0.1. */
  metricsUrl: string;
  server: http.Server;
  apollo: ApolloServer<Context>;
  schema: GraphQLSchema;
  /** Makes /readyz answer 503 (draining) while requests are still served. */
  markDraining(): void;
  /** Stops accepting, lets in-flight requests finish (bounded), closes Apollo. Leaves the driver open. */
  stop(): Promise<void>;
  /** This instance's webhook delivery (not started when WEBHOOK_DELIVERY=false; its metrics still are). */
  webhooks: WebhookDelivery;
  /** graphql-ws at /graphql. */
  subscriptions: SubscriptionServer;
  /** The planning of the write statements at start-up: resolves with its time in ms (/readyz says 503 warming until then). */
  warmup: Promise<number>;
}

/** Assembles the HTTP app: /graphql, /healthz, /readyz. */
export async function startServer({ config, db, logger = createLogger(config) }: AppOptions, listenPort = config.PORT): Promise<RunningApp> {
  const schema = await createSchema();
  const app = express();
  app.disable('x-powered-by');
  // No body-hash ETags on API responses (a sha1 of every GraphQL answer, useless on POST); the
  // explorer's static files keep theirs (serve-static's own, from the file's size and mtime).
  app.set('etag', false);
  // Slow clients: bounded time for headers and for the whole request, idle keep-alive sockets
  // closed, connections capped; timeouts checked every second instead of node's 30 s.
  const server = http.createServer(
    { headersTimeout: config.HTTP_HEADERS_TIMEOUT_MS, requestTimeout: config.HTTP_REQUEST_TIMEOUT_MS, keepAliveTimeout: config.HTTP_KEEPALIVE_TIMEOUT_MS, connectionsCheckingInterval: Math.min(1000, config.HTTP_HEADERS_TIMEOUT_MS) },
    app,
  );
  server.maxConnections = config.HTTP_MAX_CONNECTIONS;
  const keys = new KeyResolver(db, config.AUTH_JWT_SECRET, config.AUTH_JWT_MAX_AGE_S);
  const dev = !isProduction(config);
  const metrics = new Metrics(db, config.METRICS_MAX_OPERATIONS);
  const scrape = metricsHandler(metrics, config.METRICS_TOKEN);

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: true,
    // Signals are main.ts's: it drains (SHUTDOWN_DELAY_MS, then in-flight requests) before stopping
    // Apollo. Apollo's own SIGTERM handler would stop it at once, failing every request of the drain
    // window with an internal error.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: dev,
    formatError: (formatted, raw) => formatError(formatted, raw, dev, (err) => logger.error({ err }, 'unexpected error')),
    // No @cacheControl hints are used: Apollo's implicit cache-control plugin would only wrap every
    // field resolver to look for them, a cost on every field of every request.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), limitsPlugin(schema, config), observabilityPlugin(metrics, logger)],
  });
  await apollo.start();

  // Once draining, every response closes its connection, so that keep-alive clients let go.
  const inFlight = new Set<Response>();
  let draining = false;
  app.use((req, res, next) => {
    if (draining) res.setHeader('connection', 'close');
    if (!PROBES.has(req.path)) {
      inFlight.add(res);
      metrics.inFlight.inc();
      res.on('close', () => {
        inFlight.delete(res);
        metrics.inFlight.dec();
      });
    }
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  if (config.METRICS_PORT === undefined) app.get('/metrics', scrape);
  // The sync's write path is rehearsed now, in a transaction that is rolled back (src/sync/sync.warmup.ts),
  // then its other statements are planned with EXPLAIN, so that the first sync does not pay for
  // planning nor for the JIT of Neo4j's and our code (issue #17; planning alone left it at three
  // warm ones): /readyz says `warming` meanwhile, at most WARMUP_MAX_MS.
  let warming = true;
  const rehearse = config.SYNC_WARMUP_ITEMS > 0;
  const warmup = (rehearse ? rehearseSync(schema, db, config, config.SYNC_WARMUP_ITEMS) : Promise.resolve(0)).then(async (ms) => ms + (await planStatements(db, rehearse ? SYNC_STATEMENTS.filter((s) => !s.rehearsed) : SYNC_STATEMENTS)));
  const warmupCap = setTimeout(() => (warming = false), WARMUP_MAX_MS);
  warmupCap.unref();
  void warmup.then(() => {
    warming = false;
    clearTimeout(warmupCap);
  });
  app.get('/readyz', async (_req, res) => {
    if (draining || warming) {
      res.status(503).json({ status: draining ? 'draining' : 'warming' });
      return;
    }
    const up = await db.ping();
    metrics.neo4jUp.set(up ? 1 : 0);
    res.status(up ? 200 : 503).json({ status: up ? 'ready' : 'unavailable', neo4j: up ? 'up' : 'down' });
  });

  app.use(['/graphql', '/export'], corsMiddleware(config.CORS_ORIGINS));
  app.use('/export', recordsRouter(db, keys));
  app.use('/export', evaluationRouter(db, config, keys));
  app.use('/export', exportRouter(db, config, keys));
  app.use('/explorer', explorerRouter());
  app.use('/report', reportRouter());
  app.get('/graphql', graphiqlHandler);

  app.use(
    '/graphql',
    express.json({ limit: config.MAX_BODY_BYTES }),
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<Context> => {
        const requestId = (typeof req.headers['x-request-id'] === 'string' && req.headers['x-request-id'].slice(0, 64)) || randomUUID();
        let principal;
        try {
          principal = await keys.resolve(req.headers.authorization);
        } catch (err) {
          if (err instanceof AppError) {
            const status = err.code === ErrorCode.UNAUTHENTICATED ? 401 : 503;
            err.extensions.http = { status };
          }
          throw err;
        }
        const ctx = { requestId, principal, db: db.executor({ requestId }), config } as Context;
        ctx.loaders = createLoaders(ctx);
        return ctx;
      },
    }),
  );

  // Malformed bodies (invalid JSON, too large) get a GraphQL-shaped error, not an HTML page.
  app.use((err: any, _req: Request, res: Response, next: NextFunction) => {
    if (!err) return next();
    const tooLarge = err.type === 'entity.too.large';
    const status = tooLarge ? 413 : err.status && err.status < 500 ? err.status : 400;
    const message = tooLarge
      ? `The request body is larger than the limit of ${config.MAX_BODY_BYTES} bytes (MAX_BODY_BYTES): send smaller batches (npm run import splits them by size), or raise MAX_BODY_BYTES`
      : err.type === 'entity.parse.failed'
        ? 'The request body is not valid JSON'
        : String(err.message ?? 'Bad request');
    res.status(status).json({ errors: [{ message, extensions: { code: ErrorCode.BAD_USER_INPUT } }] });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listenPort, config.HOST, () => resolve());
  });
  // Issue #15: live subscriptions (graphql-ws on /graphql) and webhook delivery, with the server.
  const subscriptions = startSubscriptionServer({ server, schema, db, config, keys, logger, registry: metrics.registry });
  const webhooks = new WebhookDelivery(db, config, logger, { registry: metrics.registry, observeQuery: (query, ms, ok) => metrics.queries.observe({ query, outcome: ok ? 'ok' : 'error' }, ms / 1000) });
  if (config.WEBHOOK_DELIVERY) webhooks.start();

  const port = (server.address() as AddressInfo).port;
  const host = config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST;
  const metricsServer = config.METRICS_PORT === undefined ? null : await startMetricsServer(scrape, config.METRICS_PORT).catch(async (err) => {
    await new Promise((r) => server.close(r));
    throw err;
  });
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    metricsUrl: metricsServer ? `http://127.0.0.1:${metricsServer.port}/metrics` : `http://${host}:${port}/metrics`,
    server,
    apollo,
    schema,
    markDraining: () => {
      draining = true;
      for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
    },
    webhooks,
    subscriptions,
    warmup,
    stop: async () => {
      // WebSocket connections are not requests: close them first, and let go of webhook leases.
      await Promise.all([subscriptions.close(), webhooks.stop()]);
      // Stop accepting; in-flight responses close their connections, idle ones close now; wait
      // for the last in-flight request (at most SHUTDOWN_TIMEOUT_MS), then cut what is left.
      draining = true;
      for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const deadline = Date.now() + config.SHUTDOWN_TIMEOUT_MS;
      while (inFlight.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      server.closeAllConnections();
      await closed;
      if (metricsServer) await new Promise((r) => metricsServer.server.close(r));
      await apollo.stop();
    },
  };
}
