import type { Context } from '../context';
import type { Principal } from '../auth/roles';
import { Role } from '../auth/roles';
import { newId } from '../common/ids';
import { BadInputError, ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors';
import { decodeCursor, encodeCursor } from '../changes/change.service';
import { newSecret, urlProblem } from './webhook.rules';
import { Webhook, WebhookState } from './webhook.type';

/** Roles that may manage webhooks: EDITOR and ADMIN on any source, PARTNER on its own. */
const MANAGERS: readonly Role[] = [Role.EDITOR, Role.ADMIN, Role.PARTNER];

function requireManager(p: Principal, what: string): void {
  if (p.role === 'ANONYMOUS') throw new UnauthenticatedError(`${what} needs an API key with role ${MANAGERS.join(', ')}: send \`Authorization: Bearer <key>\``);
  if (!MANAGERS.includes(p.role)) throw new ForbiddenError(`${what} needs role ${MANAGERS.join(', ')}; this key has role ${p.role}`, [...MANAGERS]);
}

/** The source a caller may subscribe to: PARTNER keys their own only (what they may read of the feed). */
function subscribableSource(p: Principal, source: string | null, what: string): string | null {
  requireManager(p, what);
  if (p.role !== Role.PARTNER) return source;
  if (source != null && source !== p.source) {
    throw new ForbiddenError(`${what}: this PARTNER key may only subscribe to source ${JSON.stringify(p.source)}, not ${JSON.stringify(source)} (EDITOR or ADMIN may subscribe to any source)`, [Role.EDITOR, Role.ADMIN]);
  }
  return p.source;
}

/** A stored Webhook node as the API shows it (the secret only when `secret` is given). */
export function webhookFromRow(w: Record<string, any>, secret: string | null = null): Webhook {
  const paused = w.active !== true;
  const failures = w.consecutiveFailures ?? 0;
  const state = paused ? WebhookState.PAUSED : failures > 0 ? WebhookState.RETRYING : WebhookState.ACTIVE;
  const seq = w.lastDeliveredSeq as number | null;
  return Object.assign(new Webhook(), {
    id: w.id,
    url: w.url,
    source: w.source ?? null,
    secret,
    active: !paused,
    state,
    lastDeliveredSeq: seq == null ? null : String(seq),
    lastDeliveredCursor: seq == null ? null : encodeCursor(seq),
    deliveredEvents: w.deliveredEvents ?? 0,
    consecutiveFailures: failures,
    lastError: w.lastError ?? null,
    lastAttemptAt: w.lastAttemptAt ?? null,
    lastSuccessAt: w.lastSuccessAt ?? null,
    nextAttemptAt: state === WebhookState.RETRYING && w.nextAttemptAt ? new Date(w.nextAttemptAt) : null,
    pausedAt: paused ? (w.pausedAt ?? null) : null,
    createdAt: w.createdAt,
  });
}

/** Creates a webhook on `source` (null: every source) starting after `after` (default: the feed head). */
export async function createWebhook(ctx: Context, url: string, source: string | null, after: string | null): Promise<Webhook> {
  const scope = subscribableSource(ctx.principal, source, 'createWebhook');
  const problem = urlProblem(url, ctx.config.WEBHOOK_ALLOWED_HOSTS);
  if (problem) throw new BadInputError(`createWebhook: the url ${problem}`, [{ field: 'url', message: problem }]);
  if (source != null && !/^[\w.:-]{1,64}$/.test(source)) throw new BadInputError('createWebhook: `source` must be 1-64 letters, digits, `_`, `-`, `.` or `:`', [{ field: 'source', message: 'invalid source' }]);
  const afterSeq = after ? decodeCursor(after) : null;
  const secret = newSecret();
  const [row] = await ctx.db.write((tx) => tx.run('webhooks/create', { id: newId('Webhook'), url, source: scope, secret, afterSeq, createdBy: ctx.principal.keyId }));
  if (!row) throw new BadInputError(`createWebhook: \`after\` names feed position ${afterSeq}, past the last committed change; pass a cursor this API returned`, [{ field: 'after', message: 'past the feed head' }]);
  return webhookFromRow(row.webhook, secret);
}

/** Webhooks the caller may see: every one for EDITOR/ADMIN, its source's for a PARTNER. */
export async function listWebhooks(ctx: Context): Promise<Webhook[]> {
  requireManager(ctx.principal, 'webhooks');
  const source = ctx.principal.role === Role.PARTNER ? ctx.principal.source : null;
  const rows = await ctx.db.read('webhooks/list', { source });
  return rows.map((r) => webhookFromRow(r.webhook));
}

/** One webhook the caller may manage; NOT_FOUND / FORBIDDEN otherwise. */
export async function webhookById(ctx: Context, id: string, what: string): Promise<Webhook> {
  requireManager(ctx.principal, what);
  const [row] = await ctx.db.read('webhooks/by-id', { id });
  if (!row) throw new NotFoundError('Webhook', id);
  const hook = webhookFromRow(row.webhook);
  if (ctx.principal.role === Role.PARTNER && hook.source !== ctx.principal.source) {
    throw new ForbiddenError(`${what}: webhook ${JSON.stringify(id)} is on source ${JSON.stringify(hook.source)}; this PARTNER key manages only source ${JSON.stringify(ctx.principal.source)}`, [Role.EDITOR, Role.ADMIN]);
  }
  return hook;
}

export async function deleteWebhook(ctx: Context, id: string): Promise<{ deletedId: string; id: string; deleted: boolean; removedBonds: number; removedParticipations: number }> {
  await webhookById(ctx, id, 'deleteWebhook');
  const [row] = await ctx.db.write((tx) => tx.run('webhooks/delete', { id }));
  if (!row?.deleted) throw new NotFoundError('Webhook', id);
  return { deletedId: id, id, deleted: true, removedBonds: 0, removedParticipations: 0 };
}

/** Restarts a paused (or retrying) webhook now, from where it stopped. */
export async function resumeWebhook(ctx: Context, id: string): Promise<Webhook> {
  await webhookById(ctx, id, 'resumeWebhook');
  const [row] = await ctx.db.write((tx) => tx.run('webhooks/resume', { id }));
  if (!row) throw new NotFoundError('Webhook', id);
  return webhookFromRow(row.webhook);
}
