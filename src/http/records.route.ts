import express, { type Request, type Response, type Router } from 'express';
import type { Database } from '../db/database';
import type { KeyResolver } from '../auth/key.service';
import { can } from '../auth/roles';
import { BadInputError, ForbiddenError } from '../errors';
import { sendExportError } from './export.route';
import { isValidSource, SOURCE_RULE } from '../model/field';
import { actorsCsv, bondsCsv, exportRecords } from '../transfer/export';
import { exportFileName, isDialect, type Dialect } from '../transfer/csv';

/**
 * `GET /export/records.json|records-actors.csv|records-bonds.csv?source=S[&personalData=true][&dialect=excel-fr]`:
 * actors and bonds in the import format (what `npm run export` fetches). Public fields for any
 * caller; `personalData=true` needs a key allowed to read personal data.
 */
export function recordsRouter(db: Database, keys: KeyResolver): Router {
  const router = express.Router();
  router.get(/^\/records(\.json|-actors\.csv|-bonds\.csv)$/, async (req: Request, res: Response) => {
    try {
      const principal = await keys.resolve(req.headers.authorization);
      const q = req.query as Record<string, unknown>;
      const source = typeof q.source === 'string' && q.source !== '' ? q.source : null;
      if (source != null && !isValidSource(source)) throw new BadInputError(`source must be ${SOURCE_RULE}`, [{ field: 'source', message: 'invalid source' }]);
      const personalData = q.personalData === 'true';
      if (personalData && !can(principal, 'readPersonalData')) throw new ForbiddenError('personalData=true needs a key allowed to read personal data', ['EDITOR', 'ADMIN']);
      const dialect: Dialect = q.dialect == null ? 'rfc4180' : isDialect(q.dialect) ? q.dialect : (() => { throw new BadInputError('dialect must be rfc4180 or excel-fr', [{ field: 'dialect', message: 'unknown dialect' }]); })();
      const data = await exportRecords(db.executor({ op: 'export-records' }), { source, personalData });
      const part = req.path.slice('/records'.length);
      const name = (p: string, ext: string) => exportFileName({ scope: source ?? 'all', part: p, ext });
      if (part === '.json') {
        res.setHeader('content-disposition', `attachment; filename="${name('records', 'json')}"`);
        res.json({ actors: data.actors, bonds: data.bonds });
        return;
      }
      const actors = part === '-actors.csv';
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="${name(actors ? 'actors' : 'bonds', 'csv')}"`);
      res.send(actors ? actorsCsv(data, dialect) : bondsCsv(data, dialect));
    } catch (err) {
      sendExportError(res, err);
    }
  });
  return router;
}
