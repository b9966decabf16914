import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Context } from '../context';
import type { Database } from '../db/database';
import type { Logger } from '../logger';

/** A GraphQL name (spec §2.1.9), at most 64 characters: what may become a label value. */
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/**
 * Operation names as label values, bounded: clients choose them, and every distinct value is a
 * new series. The first `max` valid names keep their own label; later ones, and names that are not
 * GraphQL names of at most 64 characters, are counted as `other`; unnamed ones as `anonymous`.
 */
export class OperationLabels {
  private readonly known = new Set<string>();
  constructor(readonly max: number) {}

  label(name: string | null | undefined): string {
    if (name == null || name === '') return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.known.has(name)) return name;
    if (this.known.size >= this.max) return 'other';
    this.known.add(name);
    return name;
  }
}

/** Prometheus metrics of one API process (`GET /metrics`). */
export class Metrics {
  readonly operations: OperationLabels;
  readonly registry = new Registry();
  readonly requests = new Counter({ name: 'agencement_graphql_requests_total', help: 'GraphQL requests by operation name and outcome (ok, error)', labelNames: ['operation', 'outcome'], registers: [this.registry] });
  readonly latency = new Histogram({ name: 'agencement_graphql_request_duration_seconds', help: 'GraphQL request duration by operation name', labelNames: ['operation'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [this.registry] });
  readonly errors = new Counter({ name: 'agencement_graphql_errors_total', help: 'GraphQL errors by extensions.code', labelNames: ['code'], registers: [this.registry] });
  readonly queries = new Histogram({ name: 'agencement_neo4j_query_duration_seconds', help: 'Neo4j query duration by query name (cypher/ file) and outcome', labelNames: ['query', 'outcome'], buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5], registers: [this.registry] });
  readonly sessions = new Gauge({ name: 'agencement_neo4j_sessions_in_use', help: 'Neo4j sessions (pooled connections) in use', registers: [this.registry] });
  readonly inFlight = new Gauge({ name: 'agencement_http_in_flight_requests', help: 'HTTP requests received and not yet answered (probes excluded)', registers: [this.registry] });
  readonly neo4jUp = new Gauge({ name: 'agencement_neo4j_up', help: '1 when the last readiness check reached Neo4j', registers: [this.registry] });

  /** `maxOperations`: distinct operation names labelled (METRICS_MAX_OPERATIONS); the rest are `other`. */
  constructor(db: Database, maxOperations = 100) {
    this.operations = new OperationLabels(maxOperations);
    // The write gate (NEO4J_MAX_CONCURRENT_WRITES), read when scraped.
    new Gauge({ name: 'agencement_writes_running', help: 'Write transactions running in this process', registers: [this.registry], collect() { this.set(db.writes.stats.running); } });
    new Gauge({ name: 'agencement_writes_waiting', help: 'Write transactions waiting for their turn in this process (NEO4J_MAX_CONCURRENT_WRITES)', registers: [this.registry], collect() { this.set(db.writes.stats.waiting); } });
    collectDefaultMetrics({ register: this.registry, prefix: 'agencement_' });
    db.onQuery((name, ms, ok) => this.queries.observe({ query: name, outcome: ok ? 'ok' : 'error' }, ms / 1000));
    db.onSession((delta) => this.sessions.inc(delta));
  }
}

/** Counts requests and errors, times them, and writes one log line per request (no personal data, no variables). */
export function observabilityPlugin(metrics: Metrics, logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const t0 = performance.now();
      return {
        async willSendResponse({ operationName, errors, contextValue: ctx }) {
          const operation = metrics.operations.label(operationName);
          const seconds = (performance.now() - t0) / 1000;
          const outcome = errors?.length ? 'error' : 'ok';
          metrics.requests.inc({ operation, outcome });
          metrics.latency.observe({ operation }, seconds);
          const codes = (errors ?? []).map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          for (const code of codes) metrics.errors.inc({ code });
          logger.info(
            { requestId: ctx?.requestId ?? contextValue?.requestId, operation, outcome, ms: Math.round(seconds * 1000), errors: codes.length ? codes : undefined, role: ctx?.principal?.role },
            'graphql request',
          );
        },
      };
    },
  };
}

/**
 * `GET /metrics`: the Prometheus text. With a token (METRICS_TOKEN), only for
 * `Authorization: Bearer <token>`; 401 otherwise. Plain node handler: Express mounts it as it is.
 */
export function metricsHandler(metrics: Metrics, token: string | undefined) {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  const expected = token === undefined ? null : digest(`Bearer ${token}`);
  return async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    // Compared as digests: constant time whatever the header's length.
    if (expected && !timingSafeEqual(digest(req.headers.authorization ?? ''), expected)) {
      res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer realm="metrics"' });
      res.end(JSON.stringify({ errors: [{ message: 'The metrics endpoint needs `Authorization: Bearer <METRICS_TOKEN>`', extensions: { code: 'UNAUTHENTICATED' } }] }));
      return;
    }
    const text = await metrics.registry.metrics();
    res.writeHead(200, { 'content-type': metrics.registry.contentType });
    res.end(text);
  };
}

/** Serves only `GET /metrics`, on `port` of 127.0.0.1 (METRICS_PORT): for scrapers on the host, not the API's clients. */
export async function startMetricsServer(handler: ReturnType<typeof metricsHandler>, port: number): Promise<{ server: http.Server; port: number }> {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Only GET /metrics is served on this port\n');
      return;
    }
    handler(req, res).catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}
