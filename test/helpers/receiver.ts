import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: { webhook: string; events: Array<{ seq: number; [k: string]: unknown }> };
  status: number | 'hang';
  at: number;
}

/** What the receiver answers to the n-th request (0-based): a status, or 'hang' (no answer). */
export type Behaviour = (n: number, raw: string) => number | 'hang';

/** A webhook receiver on 127.0.0.1 that records every request; it can be stopped and restarted on its port. */
export class Receiver {
  readonly received: Received[] = [];
  behaviour: Behaviour = () => 200;
  private server: http.Server | null = null;
  private hanging = new Set<http.ServerResponse>();
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/hook`;
  }

  async start(): Promise<this> {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const status = this.behaviour(this.received.length, raw);
        this.received.push({ headers: req.headers, raw, body: JSON.parse(raw), status, at: Date.now() });
        if (status === 'hang') {
          this.hanging.add(res);
          res.on('close', () => this.hanging.delete(res));
          return;
        }
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'no');
      });
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', () => resolve()));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  /** Closes the port (later attempts are refused) and drops the requests left hanging. */
  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (!s) return;
    for (const res of this.hanging) res.destroy();
    const closed = new Promise<void>((resolve) => s.close(() => resolve()));
    s.closeAllConnections();
    await closed;
  }

  /** Every event received, in arrival order (redeliveries included). */
  events(): Array<{ seq: number; [k: string]: unknown }> {
    return this.received.flatMap((r) => r.body.events);
  }

  /** Events of the requests answered 2xx, without repeats. */
  acknowledgedSeqs(): number[] {
    const seen = new Set<number>();
    for (const r of this.received) if (typeof r.status === 'number' && r.status < 300) for (const e of r.body.events) seen.add(e.seq);
    return [...seen].sort((a, b) => a - b);
  }
}

/** Polls `check` until it returns a truthy value or `ms` pass. */
export async function waitFor<T>(check: () => T | Promise<T>, ms: number, what: string): Promise<NonNullable<T>> {
  const t0 = Date.now();
  for (;;) {
    const v = await check();
    if (v) return v as NonNullable<T>;
    if (Date.now() - t0 > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
