import type { RequestHandler } from 'express';
import { z } from 'zod';

/** Methods a listed origin may use: GraphQL over GET and POST, exports over GET. */
export const CORS_METHODS = ['GET', 'POST'] as const;

/**
 * Request headers a listed origin may send: JSON bodies, API keys, and Apollo Client's own
 * (client awareness, and the two headers Apollo Server's CSRF prevention accepts on GET).
 */
export const CORS_ALLOWED_HEADERS = [
  'content-type',
  'authorization',
  'apollographql-client-name',
  'apollographql-client-version',
  'apollo-require-preflight',
  'x-apollo-operation-name',
] as const;

/** Response headers page scripts may read besides the CORS-safelisted ones (an export's file name). */
export const CORS_EXPOSED_HEADERS = ['content-disposition'] as const;

/** How long a browser may reuse a preflight answer: 2 h, Chromium's ceiling (longer values are cut to it). */
export const CORS_MAX_AGE_SECONDS = 7200;

/**
 * Checks one entry of CORS_ORIGINS. Browsers send `Origin` as scheme://host[:port], lower case,
 * without the scheme's default port or a trailing slash, and the match is exact: anything else
 * would silently never match, so it is refused with the form that would.
 */
export function originProblem(entry: string): string | null {
  if (entry === '*') return "'*' (any origin) is not accepted: list each origin exactly, e.g. https://app.example.org";
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return `'${entry}' is not an origin: write scheme://host[:port], e.g. https://app.example.org`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `'${entry}' is not an http:// or https:// origin`;
  if (url.origin !== entry) {
    return `'${entry}' is not an origin as browsers send it (scheme://host[:port], no path or trailing slash, lower case, no default port): did you mean '${url.origin}'?`;
  }
  return null;
}

/** CORS_ORIGINS: comma-separated exact origins; empty entries are ignored; every bad one is reported. */
export const corsOriginsSetting = z
  .string()
  .default('')
  .transform((raw, ctx) => {
    const origins = raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    for (const o of origins) {
      const problem = originProblem(o);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }
    return [...new Set(origins)];
  });

/**
 * CORS for /graphql and /export. A request whose `Origin` is listed gets
 * `Access-Control-Allow-Origin: <that origin>`, and its preflight (OPTIONS with
 * Access-Control-Request-Method) is answered here, 204. Any other request gets no CORS header and
 * goes on unchanged, so Apollo Server's CSRF prevention still refuses simple requests (text/plain
 * or form POSTs, GETs without a preflight-forcing header) from every origin, listed or not.
 * With no origins listed it does nothing at all.
 */
export function corsMiddleware(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  const methods = CORS_METHODS.join(', ');
  const headers = CORS_ALLOWED_HEADERS.join(', ');
  const exposed = CORS_EXPOSED_HEADERS.join(', ');
  return (req, res, next) => {
    if (allowed.size === 0) return next();
    // The answer depends on Origin (allowed or not): caches must not hand one origin's answer to another.
    res.vary('Origin');
    const origin = req.headers.origin;
    if (!origin || !allowed.has(origin)) return next();
    res.setHeader('Access-Control-Allow-Origin', origin);
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      res.setHeader('Access-Control-Allow-Methods', methods);
      res.setHeader('Access-Control-Allow-Headers', headers);
      res.setHeader('Access-Control-Max-Age', String(CORS_MAX_AGE_SECONDS));
      // Safari waits for a body on a 204 without an explicit empty length.
      res.setHeader('Content-Length', '0');
      res.status(204).end();
      return;
    }
    res.setHeader('Access-Control-Expose-Headers', exposed);
    next();
  };
}
