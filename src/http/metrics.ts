import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Context } from '../context';
import type { Database } from '../db/database';
import type { Logger } from '../logger';

/** Prometheus metrics of one API process (`GET /metrics`). */
export class Metrics {
  readonly registry = new Registry();
  readonly requests = new Counter({ name: 'agencement_graphql_requests_total', help: 'GraphQL requests by operation name and outcome (ok, error)', labelNames: ['operation', 'outcome'], registers: [this.registry] });
  readonly latency = new Histogram({ name: 'agencement_graphql_request_duration_seconds', help: 'GraphQL request duration by operation name', labelNames: ['operation'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [this.registry] });
  readonly errors = new Counter({ name: 'agencement_graphql_errors_total', help: 'GraphQL errors by extensions.code', labelNames: ['code'], registers: [this.registry] });
  readonly queries = new Histogram({ name: 'agencement_neo4j_query_duration_seconds', help: 'Neo4j query duration by query name (cypher/ file) and outcome', labelNames: ['query', 'outcome'], buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5], registers: [this.registry] });
  readonly sessions = new Gauge({ name: 'agencement_neo4j_sessions_in_use', help: 'Neo4j sessions (pooled connections) in use', registers: [this.registry] });
  readonly inFlight = new Gauge({ name: 'agencement_http_in_flight_requests', help: 'HTTP requests received and not yet answered (probes excluded)', registers: [this.registry] });
  readonly neo4jUp = new Gauge({ name: 'agencement_neo4j_up', help: '1 when the last readiness check reached Neo4j', registers: [this.registry] });

  constructor(db: Database) {
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
          const operation = operationName ?? 'anonymous';
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
