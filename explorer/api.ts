/**
 * A small client of the public GraphQL API (POST /graphql) with the caller's key. It never throws
 * on GraphQL errors: a response may carry data for some root fields and errors for others (e.g. an
 * anonymous caller gets `actors` but not `arrangement`), and the page shows both.
 */
import { ApiFailure, TransportError, isAccessError, type GraphQLErrorItem, type GraphQLResult } from './api-errors';

export { ApiFailure, TransportError, errorsFor, isAccessError, type GraphQLErrorItem, type GraphQLResult } from './api-errors';

const KEY_STORAGE = 'agencement.apiKey';

/** The key: from the URL hash `#key=…` (then stored and removed from the address bar), else localStorage. */
export function initialKey(): string {
  const match = /(?:^#|&)key=([^&]+)/.exec(location.hash);
  if (match) {
    const key = decodeURIComponent(match[1]!);
    saveKey(key);
    const rest = location.hash.replace(/(^#|&)key=[^&]+/, '$1').replace(/^#&/, '#');
    history.replaceState(null, '', location.pathname + location.search + (rest === '#' ? '' : rest));
    return key;
  }
  try {
    return localStorage.getItem(KEY_STORAGE) ?? '';
  } catch {
    return '';
  }
}

export function saveKey(key: string): void {
  try {
    if (key) localStorage.setItem(KEY_STORAGE, key);
    else localStorage.removeItem(KEY_STORAGE);
  } catch {
    /* private mode: the key lives for this page only */
  }
}

export interface RequestTiming {
  operation: string;
  ms: number;
  status: number;
}

export class ApiClient {
  /** Called after each GraphQL request (operation name, duration): the page keeps the last ones. */
  onTiming: (timing: RequestTiming) => void = () => {};

  constructor(
    private key: string,
    private readonly endpoint = '/graphql',
  ) {}

  setKey(key: string): void {
    this.key = key.trim();
  }

  getKey(): string {
    return this.key;
  }

  authHeaders(): Record<string, string> {
    return this.key ? { authorization: `Bearer ${this.key}` } : {};
  }

  async query<T>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult<T>> {
    const t0 = performance.now();
    const operation = /(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? 'anonymous';
    let res: Response;
    try {
      res = await fetch(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...this.authHeaders() },
        body: JSON.stringify({ query, variables }),
      });
    } catch (err) {
      throw new TransportError(err instanceof Error ? err.message : String(err));
    }
    let body: { data?: Partial<T> | null; errors?: GraphQLErrorItem[] };
    try {
      body = await res.json();
    } catch {
      throw new TransportError(`HTTP ${res.status} ${res.statusText}`);
    }
    this.onTiming({ operation, ms: Math.round(performance.now() - t0), status: res.status });
    return { data: body.data ?? null, errors: body.errors ?? [], status: res.status };
  }

  /** GETs an export file (`/export/network.gexf?…`) with the key, as a Blob; throws the API's message. */
  async download(path: string): Promise<Blob> {
    const res = await fetch(path, { headers: this.authHeaders() });
    if (!res.ok) {
      let errors: GraphQLErrorItem[] = [];
      try {
        errors = (await res.json())?.errors ?? [];
      } catch {
        /* not JSON */
      }
      if (!errors.length) throw new TransportError(`HTTP ${res.status}`);
      throw new ApiFailure(errors, isAccessError(errors));
    }
    return res.blob();
  }
}
