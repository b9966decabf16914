import { int } from '../db/values';
import type { Context } from '../context';
import { BadInputError, ForbiddenError } from '../errors';
import { requirePermission, Role, type Principal } from '../auth/roles';
import type { Executor } from '../db/database';
import type { Change, ChangeConnection } from './change.type';

/** The cursor of a feed position (what `after` takes). */
export const encodeCursor = (seq: number): string => Buffer.from(`chg:${seq}`).toString('base64url');
/** The sequence number a cursor names; BAD_USER_INPUT at `field` when it is not one. */
export function decodeCursor(cursor: string, field = 'after'): number {
  const m = /^chg:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw new BadInputError(`\`${field}\` is not a change-feed cursor (pass a \`cursor\` or \`endCursor\` the feed returned)`, [{ field, message: 'invalid cursor' }]);
  return Number(m[1]);
}
const encode = encodeCursor;
const decode = (cursor: string): number => decodeCursor(cursor);

/** A stored Change node as the feed serves it (Query.changes, Subscription.changes, webhook bodies). */
export function changeFromRow(c: Record<string, any>): Change {
  return { seq: c.seq, cursor: encode(c.seq), at: c.at, entity: c.entity, entityId: c.entityId, op: c.op, source: c.source ?? null, externalId: c.externalId ?? null, version: c.version ?? null, payload: c.payload ? JSON.parse(c.payload) : null };
}

/**
 * The source a caller may read of the feed: PARTNER keys their own only (FORBIDDEN when asking
 * for another); the other feed roles what they ask for (null: every source).
 */
export function readableSource(principal: Principal, source: string | null | undefined, what = 'changes'): string | null {
  requirePermission(principal, 'readChanges', what);
  if (principal.role !== Role.PARTNER) return source ?? null;
  if (source != null && source !== principal.source) throw new ForbiddenError(`${what}: this PARTNER key reads only source ${JSON.stringify(principal.source)}, not ${JSON.stringify(source)}`, [Role.EDITOR, Role.ADMIN, Role.ANALYST]);
  return principal.source;
}

/** Feed positions one `readStream` looks at, at most. */
const STREAM_SCAN = 1000;

/**
 * The changes of `source` (null: every source) after `afterSeq`, at most `limit`, and the position
 * they bring the reader to: the last of the consecutive seqs seen from `afterSeq` on. The feed has no
 * gaps, so a missing seq is a transaction whose changes are not visible yet: the position stops
 * before it, and the next read takes it. Changes of other sources are passed over, not returned.
 */
export async function readStream(db: Pick<Executor, 'read'>, afterSeq: number, source: string | null, limit: number): Promise<{ position: number; changes: Change[] }> {
  const rows = await db.read('changes/stream', { afterSeq, source, scan: int(Math.max(limit, STREAM_SCAN)) });
  const changes: Change[] = [];
  let position = afterSeq;
  for (const row of rows) {
    if (row.seq !== position + 1) break;
    if (row.change) {
      if (changes.length === limit) break;
      changes.push(changeFromRow(row.change));
    }
    position = row.seq;
  }
  return { position, changes };
}

/** The current graph version: the sequence number of the last committed change. */
export async function graphVersion(ctx: Pick<Context, 'db'>): Promise<number> {
  const [row] = await ctx.db.read('changes/version');
  return row?.version ?? 0;
}

/**
 * The change feed after a cursor, oldest first. Sequence numbers are allocated under a lock held
 * to commit, so a reader that resumes from its last cursor never skips or repeats an event.
 * PARTNER keys read only their own source.
 */
export async function readChanges(ctx: Context, after: string | null | undefined, first: number | null | undefined, source: string | null | undefined): Promise<ChangeConnection> {
  const scope = readableSource(ctx.principal, source);
  const max = ctx.config.MAX_PAGE_SIZE * 10;
  const size = first ?? 100;
  if (size < 0 || size > max) throw new BadInputError(`\`first\` must be between 0 and ${max}; got ${size}`, [{ field: 'first', message: `must be 0..${max}` }]);
  const afterSeq = after ? decode(after) : 0;
  const [rows, head] = await ctx.db.readTx(async (tx) => [await tx.run('changes/page', { afterSeq, source: scope, limit: int(size + 1) }), await tx.run('changes/version')] as const);
  const more = rows.length > size;
  const edges = rows.slice(0, size).map((r) => {
    const node = changeFromRow(r.change);
    return { cursor: node.cursor, node };
  });
  return {
    edges,
    pageInfo: { hasNextPage: more, hasPreviousPage: afterSeq > 0, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? (after ?? null) },
    headSeq: head[0]?.version ?? 0,
  };
}
