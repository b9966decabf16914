import express, { type Request, type Response, type Router } from 'express';
import type { Config } from '../config';
import type { Database } from '../db/database';
import type { KeyResolver } from '../auth/key.service';
import { BadInputError } from '../errors';
import { calendarDay } from '../model/field';
import { exportFileName, writeCsv } from '../transfer/csv';
import { evaluation } from '../evaluation/evaluation.service';
import { EVALUATION_COLUMNS, evaluationRows } from '../evaluation/evaluation.table';
import { dialectFromQuery, exportContext, sendExportError } from './export.route';

/** `?asOf=YYYY-MM-DD` (optional) as a Date, or a 400 naming the parameter. */
export function asOfFromQuery(q: Record<string, unknown>): Date | null {
  if (q.asOf === undefined || q.asOf === '') return null;
  const day = calendarDay(q.asOf);
  if (!day) throw new BadInputError(`Invalid export parameters: asOf: must be a real date YYYY-MM-DD (got ${JSON.stringify(q.asOf)})`, [{ field: 'asOf', message: 'must be YYYY-MM-DD' }]);
  return new Date(`${day}T00:00:00Z`);
}

/**
 * `GET /export/evaluation.csv|evaluation.json?asOf=…[&dialect=excel-fr]`: the evaluation table
 * (one row per operation, then the program), with the access rules of `evaluation(asOf)`; the
 * JSON also carries the rank correlations and their caveat.
 */
export function evaluationRouter(db: Database, config: Config, keys: KeyResolver): Router {
  const router = express.Router();
  router.get(/^\/evaluation\.(csv|json)$/, async (req: Request, res: Response) => {
    try {
      const ctx = await exportContext(req, db, config, keys);
      const q = req.query as Record<string, unknown>;
      const asOf = asOfFromQuery(q);
      const dialect = dialectFromQuery(q);
      const e = await evaluation(ctx, asOf);
      const rows = await evaluationRows(e);
      const json = req.path.endsWith('.json');
      res.setHeader('content-disposition', `attachment; filename="${exportFileName({ scope: 'all', asOf: e.asOf, part: 'evaluation', ext: json ? 'json' : 'csv' })}"`);
      if (json) {
        res.json({ asOf: e.asOf, graphVersion: e.graphVersion, caveat: e.caveat, operations: rows, correlations: e.correlations });
        return;
      }
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.send(writeCsv(rows, EVALUATION_COLUMNS, dialect));
    } catch (err) {
      sendExportError(res, err);
    }
  });
  return router;
}
