import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Row } from '../db/database';

/** Prometheus metrics of webhook delivery, on the API's registry (GET /metrics). */
export class WebhookMetrics {
  readonly attempts: Counter<'outcome'>;
  readonly events: Counter;
  readonly duration: Histogram;

  /** `readState` runs cypher/webhooks/stats.cypher (the delivery worker's pool: not a request's session). */
  constructor(registry: Registry, readState: () => Promise<Row[]>) {
    this.attempts = new Counter({ name: 'agencement_webhook_attempts_total', help: 'Webhook POSTs by this instance, by outcome (ok: a 2xx; error: another status, a timeout or a connection error)', labelNames: ['outcome'], registers: [registry] });
    this.events = new Counter({ name: 'agencement_webhook_events_delivered_total', help: 'Events acknowledged by webhook receivers (POSTed by this instance)', registers: [registry] });
    this.duration = new Histogram({ name: 'agencement_webhook_attempt_duration_seconds', help: 'Duration of a webhook POST, until its answer or its timeout', buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [registry] });
    // The shared state lives in Neo4j: read when scraped, so that every instance reports the same.
    const state = async () => {
      try {
        return await readState();
      } catch {
        return null;
      }
    };
    let pending: Promise<Awaited<ReturnType<typeof state>>> | null = null;
    const rows = () => (pending ??= state().finally(() => setTimeout(() => (pending = null), 0)));
    new Gauge({
      name: 'agencement_webhook_behind_events', help: 'Feed positions between the head and what each webhook acknowledged', labelNames: ['webhook'], registers: [registry],
      async collect() { this.reset(); for (const r of (await rows()) ?? []) this.set({ webhook: r.id }, r.behind); },
    });
    new Gauge({
      name: 'agencement_webhook_consecutive_failures', help: 'Failed attempts in a row, per webhook', labelNames: ['webhook'], registers: [registry],
      async collect() { this.reset(); for (const r of (await rows()) ?? []) this.set({ webhook: r.id }, r.failures); },
    });
    new Gauge({
      name: 'agencement_webhooks', help: 'Webhooks by state (active, paused)', labelNames: ['state'], registers: [registry],
      async collect() {
        const all = (await rows()) ?? [];
        this.set({ state: 'active' }, all.filter((r) => r.active).length);
        this.set({ state: 'paused' }, all.filter((r) => !r.active).length);
      },
    });
  }
}
