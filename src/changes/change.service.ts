import { int } from '../db/values';
import type { Context } from '../context';
import { BadInputError, ForbiddenError } from '../errors';
import { requirePermission, Role } from '../auth/roles';
import type { Change, ChangeConnection } from './change.type';

const encode = (seq: number): string => Buffer.from(`chg:${seq}`).toString('base64url');
function decode(cursor: string): number {
  const m = /^chg:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw new BadInputError('`after` is not a change-feed cursor', [{ field: 'after', message: 'invalid cursor' }]);
  return Number(m[1]);
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
  requirePermission(ctx.principal, 'readChanges', 'changes');
  let scope = source ?? null;
  if (ctx.principal.role === Role.PARTNER) {
    if (scope != null && scope !== ctx.principal.source) throw new ForbiddenError(`changes: this PARTNER key reads only source ${JSON.stringify(ctx.principal.source)}`, [Role.EDITOR, Role.ADMIN, Role.ANALYST]);
    scope = ctx.principal.source;
  }
  const max = ctx.config.MAX_PAGE_SIZE * 10;
  const size = first ?? 100;
  if (size < 0 || size > max) throw new BadInputError(`\`first\` must be between 0 and ${max}; got ${size}`, [{ field: 'first', message: `must be 0..${max}` }]);
  const afterSeq = after ? decode(after) : 0;
  const [rows, head] = await ctx.db.readTx(async (tx) => [await tx.run('changes/page', { afterSeq, source: scope, limit: int(size + 1) }), await tx.run('changes/version')] as const);
  const more = rows.length > size;
  const edges = rows.slice(0, size).map((r) => {
    const c = r.change;
    const node: Change = { seq: c.seq, at: c.at, entity: c.entity, entityId: c.entityId, op: c.op, source: c.source ?? null, externalId: c.externalId ?? null, version: c.version ?? null, payload: c.payload ? JSON.parse(c.payload) : null };
    return { cursor: encode(c.seq), node };
  });
  return {
    edges,
    pageInfo: { hasNextPage: more, hasPreviousPage: afterSeq > 0, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? (after ?? null) },
    headSeq: head[0]?.version ?? 0,
  };
}
