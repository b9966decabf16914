import { dirname, join } from 'node:path';
import type { Router } from 'express';
import { builtPageRouter, EXPLORER_DIR } from './explorer.route';

/** Where scripts/build-explorer.mjs writes the report page (public/report, beside the explorer). */
export const REPORT_DIR = join(dirname(EXPLORER_DIR), 'report');

/**
 * `/report/`: the evaluation report, a static page built at install time (report/ → public/report)
 * that reads `evaluation(asOf)` with the caller's key; `?operation=CODE` for one operation,
 * `?asOf=YYYY-MM-DD`, `?lang=en`. Same security headers as the explorer; 503 while not built.
 */
export const reportRouter = (): Router => builtPageRouter(REPORT_DIR, 'report', "Le rapport n'est pas construit");
