import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Request, Response, Router, RequestHandler } from 'express';
import express from 'express';

/** The folder holding package.json, found upwards from this file (works from src/ and dist/). */
function findRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

/** Where scripts/build-explorer.mjs writes the explorer and GraphiQL (npm postinstall). */
export const EXPLORER_DIR = join(findRoot(), 'public', 'explorer');

const missing = (what: string, quoi: string) =>
  `The ${what} is not built on this server: run npm run build:explorer (npm install and npm ci build it too), then reload.\n` +
  `${quoi} sur ce serveur : lancez npm run build:explorer, puis rechargez la page.\n`;

/**
 * The pages only talk to this origin (GraphQL, exports); sigma draws in WebGL, GraphiQL styles
 * inline; images may be data: or blob: (PNG export, icons).
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'self'",
].join('; ');

function secure(res: Response): void {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
}

/**
 * `/explorer`: the analysts' page, static files built at install time (scripts/build-explorer.mjs
 * → public/explorer). Answers 503 with a plain explanation while they are not built.
 */
export const explorerRouter = (): Router => builtPageRouter(EXPLORER_DIR, 'explorer', "L'explorateur n'est pas construit");

/** A page of static files built by scripts/build-explorer.mjs into `dir` (the explorer, the report), with the pages' security headers. */
export function builtPageRouter(dir: string, what: string, quoi: string): Router {
  const router = express.Router();
  const files = express.static(dir, {
    index: 'index.html',
    redirect: false,
    fallthrough: true,
    // Unhashed file names: revalidate each time (ETag makes it cheap).
    setHeaders: (res) => {
      res.setHeader('Cache-Control', 'no-cache');
    },
  });
  router.use((req: Request, res: Response, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    // Relative links in index.html need the trailing slash: /explorer → /explorer/.
    const [path, query] = req.originalUrl.split(/\?(.*)/s);
    if (req.path === '/' && !path!.endsWith('/')) {
      res.redirect(301, `${req.baseUrl}/${query ? `?${query}` : ''}`);
      return;
    }
    if (!existsSync(join(dir, 'index.html'))) {
      res.status(503).type('text/plain; charset=utf-8').send(missing(what, quoi));
      return;
    }
    secure(res);
    files(req, res, next);
  });
  router.use((req: Request, res: Response) => {
    res.status(404).type('text/plain; charset=utf-8').send(`No ${what} file ${req.path}\n`);
  });
  return router;
}

const GRAPHIQL_PAGE = `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Agencement — console GraphQL</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/explorer/graphiql/graphiql.css" />
    <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
  </head>
  <body>
    <div id="graphiql" data-testid="graphiql-root"></div>
    <script src="/explorer/graphiql/graphiql.js"></script>
  </body>
</html>
`;

/**
 * `GET /graphql` from a browser (Accept prefers text/html): the offline GraphQL IDE (GraphiQL 3,
 * bundled into public/explorer/graphiql). Anything else — GET queries, curl, clients asking for
 * JSON — goes on to Apollo.
 */
export const graphiqlHandler: RequestHandler = (req, res, next) => {
  if (req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) !== 'text/html') return next();
  if (!existsSync(join(EXPLORER_DIR, 'graphiql', 'graphiql.js'))) {
    res.status(503).type('text/plain; charset=utf-8').send(missing('GraphQL IDE (GraphiQL)', "La console GraphQL n'est pas construite"));
    return;
  }
  secure(res);
  res.setHeader('Cache-Control', 'no-cache');
  res.type('html').send(GRAPHIQL_PAGE);
};
