/**
 * The partner CLIs are API clients: they send what they read to the API over HTTP with the
 * caller's key, so a PARTNER key has exactly its API rights from a partner's own machine.
 */
export interface ApiOptions {
  /** Base URL of the API, e.g. `http://localhost:4000` (`/graphql` is added). */
  api: string;
  key: string | null;
}

export interface GqlError {
  message: string;
  extensions?: { code?: string; invalid?: { field: string; message: string }[]; [k: string]: unknown };
}

/** An answer the CLI cannot go on from: an API error (with its code), or no answer at all. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly errors: GqlError[] = [],
  ) {
    super(message);
  }
}

export const apiOptions = (values: { api?: string; key?: string }, env: NodeJS.ProcessEnv = process.env): ApiOptions => ({
  api: (values.api ?? env.AGENCEMENT_API_URL ?? 'http://localhost:4000').replace(/\/+$/, '').replace(/\/graphql$/, ''),
  key: values.key ?? env.AGENCEMENT_API_KEY ?? null,
});

const headers = (o: ApiOptions): Record<string, string> => ({ 'content-type': 'application/json', ...(o.key ? { authorization: `Bearer ${o.key}` } : {}) });

async function call(o: ApiOptions, path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(`${o.api}${path}`, init);
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
    throw new ApiError(`Cannot reach the API at ${o.api} (${cause}): start it with \`npm start\`, or pass --api URL (or AGENCEMENT_API_URL)`, 'UNREACHABLE');
  }
}

/** One GraphQL request; throws ApiError with the first error's code when the answer has errors. */
export async function gql<T>(o: ApiOptions, query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await call(o, '/graphql', { method: 'POST', headers: headers(o), body: JSON.stringify({ query, variables }) });
  let body: { data?: T; errors?: GqlError[] };
  try {
    body = (await res.json()) as typeof body;
  } catch {
    throw new ApiError(`The API answered HTTP ${res.status} without a GraphQL body`, res.status === 413 ? 'BAD_USER_INPUT' : 'INTERNAL_SERVER_ERROR');
  }
  if (body.errors?.length) {
    const first = body.errors[0];
    throw new ApiError(first.message, String(first.extensions?.code ?? 'INTERNAL_SERVER_ERROR'), body.errors);
  }
  return body.data as T;
}

/** A GET of an export file; throws ApiError with the API's message on a non-2xx answer. */
export async function download(o: ApiOptions, path: string): Promise<Buffer> {
  const res = await call(o, path, { headers: headers(o) });
  const bytes = Buffer.from(await res.arrayBuffer());
  if (!res.ok) {
    let message = bytes.toString('utf8');
    let code = `HTTP_${res.status}`;
    try {
      const body = JSON.parse(message);
      message = body.errors?.[0]?.message ?? message;
      code = body.errors?.[0]?.extensions?.code ?? code;
    } catch {
      /* not JSON: the text as it is */
    }
    throw new ApiError(message, code);
  }
  return bytes;
}
