import { randomUUID } from 'node:crypto';
import type { Config } from '../config';
import { Database, type Executor, type QueryObserver } from '../db/database';
import type { Logger } from '../logger';
import { readStream } from '../changes/change.service';
import { int } from '../db/values';
import { hostAllowed, retryDelayMs, signatureOf } from './webhook.rules';
import { WebhookMetrics } from './webhook.metrics';
import type { Registry } from 'prom-client';

export type DeliverySettings = Pick<Config, 'WEBHOOK_TIMEOUT_MS' | 'WEBHOOK_BATCH_SIZE' | 'WEBHOOK_MAX_ATTEMPTS' | 'WEBHOOK_RETRY_BASE_MS' | 'WEBHOOK_RETRY_MAX_MS' | 'WEBHOOK_POLL_INTERVAL_MS' | 'WEBHOOK_LEASE_MS' | 'WEBHOOK_CONCURRENCY' | 'WEBHOOK_ALLOWED_HOSTS'>;

interface Claimed {
  id: string;
  url: string;
  source: string | null;
  secret: string;
  lastDeliveredSeq: number;
}

/** Margin kept between the end of a POST and the end of the lease it runs under. */
const LEASE_MARGIN_MS = 1000;

/**
 * Delivers the change feed to webhooks, from this instance, under leases stored on the Webhook
 * nodes: one instance at a time delivers to a webhook, batch after batch, and the next batch only
 * after the receiver acknowledged the previous one. Positions, failures and leases live in Neo4j,
 * so a restarted or another instance resumes at the last acknowledged event.
 */
export class WebhookDelivery {
  /** Identifies this instance in leases. */
  readonly instanceId = `${process.pid}-${randomUUID()}`;
  private readonly db: Executor;
  /** The worker's own driver pool and write gate (see the constructor). */
  private readonly pool: Database;
  private readonly metrics?: WebhookMetrics;
  private readonly busy = new Set<string>();
  /** Leases this instance holds, with the webhook as of its last write: no claim while one is fresh. */
  private readonly leases = new Map<string, { webhook: Claimed; leaseEnd: number }>();
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private stopped = false;
  private ticking: Promise<void> | null = null;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly aborts = new Set<AbortController>();

  constructor(
    database: Database,
    private readonly settings: DeliverySettings,
    private readonly logger: Logger,
    options: { registry?: Registry; observeQuery?: QueryObserver } = {},
  ) {
    const observeQuery = options.observeQuery;
    // Its own pool and write gate: its writes (acks, leases) touch only Webhook nodes and must not
    // queue behind data writes waiting for the change-feed lock at the API's gate (a priority
    // inversion that would hold every delivery back under a write load). Its queries go to the
    // query metrics, not to `database`'s observers (which count the queries of requests).
    this.pool = new Database({ ...database.options, maxConcurrentWrites: settings.WEBHOOK_CONCURRENCY + 1 });
    if (observeQuery) this.pool.onQuery(observeQuery);
    this.db = this.pool.executor({ worker: 'webhooks' });
    this.metrics = options.registry ? new WebhookMetrics(options.registry, () => this.db.read('webhooks/stats')) : undefined;
  }

  start(): void {
    if (this.running || this.stopped) return;
    this.running = true;
    this.schedule(0);
  }

  /** Stops claiming, waits for the POSTs in flight (bounded by their timeout), lets go of the leases. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await this.ticking;
    await Promise.allSettled([...this.inFlight]);
    this.leases.clear();
    await this.db.write((tx) => tx.run('webhooks/release', { owner: this.instanceId })).catch((err) => this.logger.warn({ err }, 'webhooks: could not release leases (they expire by themselves)'));
    await this.pool.close();
  }

  private schedule(ms: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.ticking = this.tick()
        .catch((err) => this.logger.warn({ err }, 'webhooks: claim failed; retrying at the next poll'))
        .finally(() => {
          this.ticking = null;
          this.schedule(this.settings.WEBHOOK_POLL_INTERVAL_MS);
        });
    }, ms);
    this.timer.unref();
  }

  /** One poll: claim the due webhooks this instance is not already delivering to, and deliver. */
  async tick(): Promise<void> {
    const free = this.settings.WEBHOOK_CONCURRENCY - this.busy.size;
    if (free <= 0) return;
    const due = await this.db.read('webhooks/due', { owner: this.instanceId, limit: int(free * 2) });
    for (const { id } of due) {
      if (!this.running || this.busy.size >= this.settings.WEBHOOK_CONCURRENCY) break;
      if (this.busy.has(id)) continue;
      const held = this.leases.get(id);
      const hook = held && held.leaseEnd > Date.now() + this.settings.WEBHOOK_TIMEOUT_MS + LEASE_MARGIN_MS ? held : await this.claim(id);
      if (!hook) continue;
      this.busy.add(id);
      const work = this.deliver(hook.webhook, hook.leaseEnd)
        .catch((err) => {
          // Whether the last write landed is unknown: the next claim reads the stored state.
          this.leases.delete(id);
          this.logger.warn({ err, webhook: id }, 'webhooks: delivery stopped on an error; it resumes at the next poll from the stored position');
        })
        .finally(() => {
          this.busy.delete(id);
          this.inFlight.delete(work);
        });
      this.inFlight.add(work);
    }
  }

  /** Takes or renews the lease; returns the webhook and when the lease ends by this clock (conservatively). */
  private async claim(id: string): Promise<{ webhook: Claimed; leaseEnd: number } | null> {
    const t0 = Date.now();
    const [row] = await this.db.write((tx) => tx.run('webhooks/claim', { id, owner: this.instanceId, leaseMs: this.settings.WEBHOOK_LEASE_MS }));
    if (!row) {
      this.leases.delete(id);
      return null;
    }
    const claimed = { webhook: row.webhook as Claimed, leaseEnd: t0 + this.settings.WEBHOOK_LEASE_MS };
    this.leases.set(id, claimed);
    return claimed;
  }

  /** Delivers batch after batch until the webhook is caught up, an attempt fails, or the lease is lost. */
  private async deliver(hook: Claimed, leaseEnd: number): Promise<void> {
    let pos = hook.lastDeliveredSeq;
    const batch = this.settings.WEBHOOK_BATCH_SIZE;
    while (this.running) {
      const { position: upTo, changes } = await readStream(this.db, pos, hook.source, batch);
      if (changes.length === 0) {
        // Changes of other sources only: move past them without a POST.
        if (upTo > pos) await this.ack(hook.id, pos, upTo, 0);
        return;
      }
      if (Date.now() + this.settings.WEBHOOK_TIMEOUT_MS + LEASE_MARGIN_MS > leaseEnd) {
        const renewed = await this.claim(hook.id);
        if (!renewed || renewed.webhook.lastDeliveredSeq !== pos) return;
        leaseEnd = renewed.leaseEnd;
      }
      const body = JSON.stringify({ webhook: hook.id, events: changes });
      const t0 = Date.now();
      const error = await this.post(hook, body);
      this.metrics?.duration.observe((Date.now() - t0) / 1000);
      if (error) {
        this.metrics?.attempts.inc({ outcome: 'error' });
        this.leases.delete(hook.id);
        const [failed] = await this.db.write((tx) => tx.run('webhooks/fail', { id: hook.id, owner: this.instanceId, error, maxAttempts: this.settings.WEBHOOK_MAX_ATTEMPTS, delays: this.delays() }));
        this.logger.info({ webhook: hook.id, error, failures: failed?.consecutiveFailures, paused: failed ? !failed.active : undefined }, 'webhook attempt failed');
        return;
      }
      this.metrics?.attempts.inc({ outcome: 'ok' });
      this.metrics?.events.inc(changes.length);
      const ackedAt = Date.now();
      if (!(await this.ack(hook.id, pos, upTo, changes.length))) return;
      leaseEnd = ackedAt + this.settings.WEBHOOK_LEASE_MS;
      pos = upTo;
    }
  }

  /** The next attempt's delay for each possible failure count (the query picks by the stored count). */
  private delays(): number[] {
    const out: number[] = [];
    for (let f = 1; f <= this.settings.WEBHOOK_MAX_ATTEMPTS; f++) out.push(retryDelayMs(f, this.settings.WEBHOOK_RETRY_BASE_MS, this.settings.WEBHOOK_RETRY_MAX_MS));
    return out;
  }

  /** Records the receiver's acknowledgement (and renews the lease); false when the lease was lost. */
  private async ack(id: string, fromSeq: number, toSeq: number, events: number): Promise<boolean> {
    const t0 = Date.now();
    const [row] = await this.db.write((tx) => tx.run('webhooks/ack', { id, owner: this.instanceId, fromSeq, toSeq, events, leaseMs: this.settings.WEBHOOK_LEASE_MS }));
    const held = this.leases.get(id);
    if (!row) this.leases.delete(id);
    else if (held) this.leases.set(id, { webhook: { ...held.webhook, lastDeliveredSeq: toSeq }, leaseEnd: t0 + this.settings.WEBHOOK_LEASE_MS });
    return row != null;
  }

  /** POSTs one batch; returns null when acknowledged (2xx), or why it was not. */
  private async post(hook: Claimed, body: string): Promise<string | null> {
    const url = new URL(hook.url);
    if (!hostAllowed(url.hostname, this.settings.WEBHOOK_ALLOWED_HOSTS)) return `host ${url.hostname} is no longer allowed (WEBHOOK_ALLOWED_HOSTS)`;
    const abort = new AbortController();
    this.aborts.add(abort);
    const timer = setTimeout(() => abort.abort(), this.settings.WEBHOOK_TIMEOUT_MS);
    try {
      const res = await fetch(url, {
        method: 'POST',
        // No redirects: a 3xx could send the request to a host the allow-list does not name.
        redirect: 'manual',
        signal: abort.signal,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Agencement-Webhooks/1',
          'x-agencement-delivery': randomUUID(),
          'x-agencement-signature': signatureOf(body, hook.secret),
        },
        body,
      });
      await res.body?.cancel().catch(() => undefined);
      return res.status >= 200 && res.status < 300 ? null : `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
    } catch (err) {
      if (abort.signal.aborted) return `no answer within ${this.settings.WEBHOOK_TIMEOUT_MS} ms (WEBHOOK_TIMEOUT_MS)`;
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      return `could not reach ${url.host}: ${cause?.code ?? cause?.message ?? (err as Error).message}`;
    } finally {
      clearTimeout(timer);
      this.aborts.delete(abort);
    }
  }
}
