/**
 * Drives page views, not requests: `connections` workers, each with its own keep-alive socket,
 * run views back to back for `seconds`. A view is what a page needs to draw (for a paged view,
 * every request until the last page, one after another, as a client does). Latency is per view.
 */
import http from 'node:http';
import type { Server, Workload } from './workloads';

export interface DriveResult {
  /** Page views per second. */
  rps: number;
  views: number;
  /** HTTP requests sent (more than views when a view pages). */
  requests: number;
  p50: number;
  p99: number;
  errors: number;
}

/** POSTs a GraphQL body on a keep-alive agent; resolves with the parsed `data` or rejects. */
export function poster(url: string, agent: http.Agent): (query: string, variables: unknown) => Promise<any> {
  const u = new URL(url);
  return (query, variables) =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify({ query, variables });
      const req = http.request(
        { host: u.hostname, port: u.port, path: u.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            try {
              const json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
              if (res.statusCode !== 200 || json.errors) reject(new Error(`${res.statusCode} ${JSON.stringify(json.errors ?? json).slice(0, 300)}`));
              else resolve(json.data);
            } catch (err) {
              reject(err);
            }
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}

/** One page view: the first request, then the next pages while the workload says there are more. */
export async function runView(w: Workload, server: Server, variables: Record<string, unknown>, send: (q: string, v: unknown) => Promise<any>, counter?: { requests: number }): Promise<any> {
  let data = await send(w.query[server], variables);
  if (counter) counter.requests++;
  const next = w.next?.[server];
  if (!next) return data;
  const pages = [data];
  for (let more = next(data); more; more = next(data)) {
    data = await send(w.query[server], { ...variables, ...more });
    if (counter) counter.requests++;
    pages.push(data);
  }
  return w.merge![server]!(pages);
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : 0);

export async function drive(w: Workload, server: Server, url: string, connections: number, seconds: number): Promise<DriveResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const send = poster(url, agent);
  const latencies: number[] = [];
  const counter = { requests: 0 };
  let errors = 0;
  let next = 0;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const v = w.variables[next++ % w.variables.length][server];
      const t = performance.now();
      try {
        await runView(w, server, v, send, counter);
        latencies.push(performance.now() - t);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / elapsed, views: latencies.length, requests: counter.requests, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), errors };
}
