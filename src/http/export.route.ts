import type { Request, Response, Router } from 'express';
import express from 'express';
import type { Config } from '../config';
import type { Database } from '../db/database';
import type { Context } from '../context';
import type { KeyResolver } from '../auth/key.service';
import { createLoaders } from '../loaders';
import { AppError, BadInputError, ErrorCode, toAppError } from '../errors';
import { BondKind, Sector } from '../common/enums';
import { exportNetwork } from '../analytics/export.service';
import { CONTENT_TYPES, render, type ExportFormat } from '../analytics/formats';
import type { NetworkScope } from '../analytics/scope.input';
import { DIALECTS, exportFileName, isDialect, type Dialect } from '../transfer/csv';

const FILES: Record<string, ExportFormat> = {
  'network.gexf': 'gexf',
  'network.graphml': 'graphml',
  'network.json': 'json',
  'nodes.csv': 'nodes.csv',
  'edges.csv': 'edges.csv',
};

const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.QUERY_TOO_COMPLEX]: 400,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

const list = (v: unknown): string[] | null => (typeof v === 'string' && v.trim() ? v.split(',').map((s) => s.trim()).filter(Boolean) : null);

/** Reads a NetworkScope from query parameters (the same names as the GraphQL input). */
export function scopeFromQuery(q: Record<string, unknown>): NetworkScope {
  const bad: { field: string; message: string }[] = [];
  const sectors = list(q.sectors);
  sectors?.forEach((s) => Object.values(Sector).includes(s as Sector) || bad.push({ field: 'sectors', message: `unknown sector ${s}` }));
  const bondKinds = list(q.bondKinds);
  bondKinds?.forEach((k) => Object.values(BondKind).includes(k as BondKind) || bad.push({ field: 'bondKinds', message: `unknown bond kind ${k}` }));
  let asOf: Date | null = null;
  if (typeof q.asOf === 'string' && q.asOf) {
    asOf = /^\d{4}-\d{2}-\d{2}$/.test(q.asOf) ? new Date(`${q.asOf}T00:00:00Z`) : null;
    if (!asOf || Number.isNaN(asOf.getTime())) bad.push({ field: 'asOf', message: 'must be YYYY-MM-DD' });
  }
  const bool = (name: string) => {
    const v = q[name];
    if (v === undefined || v === '') return null;
    if (v === 'true' || v === 'false') return v === 'true';
    bad.push({ field: name, message: 'must be true or false' });
    return null;
  };
  const scope: NetworkScope = {
    operation: typeof q.operation === 'string' ? q.operation : null,
    common: typeof q.common === 'string' ? q.common : null,
    source: typeof q.source === 'string' ? q.source : null,
    tags: list(q.tags),
    sectors: sectors as Sector[] | null,
    bondKinds: bondKinds as BondKind[] | null,
    asOf,
    directed: bool('directed'),
    weighted: bool('weighted'),
  };
  if (bad.length) throw new BadInputError(`Invalid export parameters: ${bad.map((b) => `${b.field}: ${b.message}`).join('; ')}`, bad);
  return scope;
}

/** The CSV dialect of `?dialect=`: rfc4180 (default) or excel-fr; anything else is a 400 naming both. */
export function dialectFromQuery(q: Record<string, unknown>): Dialect {
  const v = q.dialect;
  if (v === undefined || v === '') return 'rfc4180';
  if (isDialect(v)) return v;
  const message = `must be one of ${DIALECTS.join(', ')}`;
  throw new BadInputError(`Invalid export parameters: dialect: ${message} (got ${JSON.stringify(v)})`, [{ field: 'dialect', message }]);
}

/** `tesr-<operation|common|source|all>-<asOf or today>-<part>.<ext>`, so that two exports do not overwrite each other. */
export function exportFileNameFor(file: string, scope: NetworkScope): string {
  const dot = file.lastIndexOf('.');
  const named = [scope.operation, scope.common, scope.source].filter((s): s is string => !!s).join('-');
  const asOf = scope.asOf ? new Date(scope.asOf).toISOString().slice(0, 10) : null;
  return exportFileName({ scope: named || null, asOf, part: file.slice(0, dot), ext: file.slice(dot + 1) });
}

/**
 * `GET /export/network.gexf|network.graphml|network.json|nodes.csv|edges.csv?operation=…&asOf=…`:
 * the scope's network for Gephi, yEd/Cytoscape, NetworkX or spreadsheets, with the same access
 * rules as the analytics queries (send the key as `Authorization: Bearer …`). CSV files take
 * `dialect=rfc4180|excel-fr` (excel-fr: `;`, BOM, decimal comma, French headers and labels).
 */
export function exportRouter(db: Database, config: Config, keys: KeyResolver): Router {
  const router = express.Router();
  router.get('/:file', async (req: Request, res: Response) => {
    const format = FILES[String(req.params.file)];
    try {
      if (!format) throw new AppError(ErrorCode.NOT_FOUND, `No export ${JSON.stringify(req.params.file)}; use one of ${Object.keys(FILES).join(', ')}`);
      const ctx = await exportContext(req, db, config, keys);
      const query = req.query as Record<string, unknown>;
      const scope = scopeFromQuery(query);
      const dialect = dialectFromQuery(query);
      const net = await exportNetwork(ctx, scope);
      res.setHeader('content-type', CONTENT_TYPES[format]);
      res.setHeader('content-disposition', `attachment; filename="${exportFileNameFor(String(req.params.file), scope)}"`);
      res.send(render(net, format, dialect));
    } catch (err) {
      sendExportError(res, err);
    }
  });
  return router;
}

/** The request context of an export route: the caller's key resolved, its own loaders (as a GraphQL request has). */
export async function exportContext(req: Request, db: Database, config: Config, keys: KeyResolver): Promise<Context> {
  const principal = await keys.resolve(req.headers.authorization);
  const ctx = { requestId: String(req.headers['x-request-id'] ?? 'export'), principal, db: db.executor({ op: 'export' }), config } as Context;
  ctx.loaders = createLoaders(ctx);
  return ctx;
}

/** An export's failure as a GraphQL-shaped error body with the HTTP status of its code (shared by the export routes). */
export function sendExportError(res: Response, err: unknown): void {
  const e = toAppError(err);
  if (e instanceof AppError) res.status(STATUS[e.code] ?? 500).json({ errors: [{ message: e.message, extensions: { code: e.code } }] });
  else res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
}
