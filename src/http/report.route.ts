import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import express, { type Request, type Response, type Router } from 'express';
import { EXPLORER_DIR, secure } from './explorer.route';

/** Where scripts/build-explorer.mjs writes the report page (public/report, beside the explorer). */
export const REPORT_DIR = join(dirname(EXPLORER_DIR), 'report');

/**
 * `/report/`: the evaluation report, a static page built at install time (report/ → public/report)
 * that reads `evaluation(asOf)` with the caller's key; `?operation=CODE` for one operation,
 * `?asOf=YYYY-MM-DD`, `?lang=en`. Same security headers as the explorer; 503 while not built.
 */
export function reportRouter(): Router {
  const router = express.Router();
  const files = express.static(REPORT_DIR, { index: 'index.html', redirect: false, fallthrough: true, setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache') });
  router.use((req: Request, res: Response, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const [path, query] = req.originalUrl.split(/\?(.*)/s);
    if (req.path === '/' && !path!.endsWith('/')) {
      res.redirect(301, `${req.baseUrl}/${query ? `?${query}` : ''}`);
      return;
    }
    if (!existsSync(join(REPORT_DIR, 'index.html'))) {
      res.status(503).type('text/plain; charset=utf-8').send("The report is not built on this server: run npm run build:explorer, then reload.\nLe rapport n'est pas construit sur ce serveur : lancez npm run build:explorer, puis rechargez la page.\n");
      return;
    }
    secure(res);
    files(req, res, next);
  });
  router.use((req: Request, res: Response) => {
    res.status(404).type('text/plain; charset=utf-8').send(`No report file ${req.path}\n`);
  });
  return router;
}
