import { int } from '../db/values';
import type { Context } from '../context';
import type { Row } from '../db/database';
import { dateParam, listParam } from '../common/args';
import { newId } from '../common/ids';
import { orderKeywords, planPage, toPage, type ConnectionResult, type PageArgs } from '../common/pagination';
import { toActor } from '../actors/actor.service';
import { toParticipation } from '../common/records';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { writableSource } from '../auth/roles';
import { eventFor, recordChanges } from '../changes/change.recorder';
import type { ParticipationRole } from '../common/enums';
import type { ParticipationRecord } from './participation.type';

export interface OperationParticipationsKey {
  operationId: string;
  roles: ParticipationRole[] | null;
  asOf: Date | null;
  page: PageArgs;
}

/**
 * Loader body for `Operation.participations`: one query per distinct argument set, for every
 * operation of the batch. The participants' actor rows come with it and prime the actor loader.
 */
export async function participationsOfOperations(ctx: Context, keys: readonly OperationParticipationsKey[]): Promise<ConnectionResult<ParticipationRecord>[]> {
  const groups = new Map<string, OperationParticipationsKey[]>();
  for (const k of keys) {
    const g = JSON.stringify([k.roles, k.asOf, k.page]);
    groups.set(g, [...(groups.get(g) ?? []), k]);
  }
  const out = new Map<OperationParticipationsKey, ConnectionResult<ParticipationRecord>>();
  await Promise.all(
    [...groups.values()].map(async (group) => {
      const { roles, asOf, page } = group[0];
      const plan = planPage(page, ctx.config.MAX_PAGE_SIZE);
      const params = { ids: [...new Set(group.map((k) => k.operationId))], roles: listParam(roles), asOf: dateParam(asOf), afterId: plan.cursor?.id ?? null, limit: int(plan.limit) };
      const rows = await ctx.db.read('participations/of-operations', params, orderKeywords('ASC', plan.backward));
      const byOp = new Map(rows.map((r) => [r.oid as string, r.participations as Row[]]));
      for (const k of group) {
        const list = byOp.get(k.operationId) ?? [];
        for (const p of list) ctx.loaders.actor.prime(p.actorRow.id, toActor(p.actorRow));
        const total = async () => {
          const [row] = await ctx.db.read('participations/count-of-operations', { ids: [k.operationId], roles: listParam(roles), asOf: dateParam(asOf) });
          return row?.total ?? 0;
        };
        out.set(k, toPage(list, plan, (p) => ({ k: null, id: p.id }), total, toParticipation));
      }
    }),
  );
  return keys.map((k) => out.get(k)!);
}

export interface ParticipationInput {
  actor: string;
  operation: string;
  role: ParticipationRole;
  since?: Date | null;
  until?: Date | null;
}

export async function createParticipation(ctx: Context, input: ParticipationInput): Promise<ParticipationRecord> {
  const required = writableSource(ctx.principal, null, 'createParticipation');
  if (input.since && input.until && input.until < input.since) throw new BadInputError('`until` is before `since`', [{ field: 'input.until', message: 'before since' }]);
  return ctx.db.write(async (tx) => {
    const [check] = await tx.run('participations/exists', { actor: input.actor, operation: input.operation, role: input.role });
    if (!check.actorExists) throw new NotFoundError('Actor', input.actor);
    if (!check.operationExists) throw new NotFoundError('Operation', input.operation);
    if (required != null && check.actorSource !== required) {
      throw new ForbiddenError(`createParticipation: actor ${input.actor} belongs to another source; this PARTNER key may only change source ${JSON.stringify(required)}`, ['EDITOR', 'ADMIN']);
    }
    if (check.existing) throw new ConflictError(`Actor ${input.actor} already has role ${input.role} in operation ${input.operation} (participation ${check.existing})`, { existingId: check.existing });
    const props = { id: newId('Participation'), role: input.role, since: dateParam(input.since), until: dateParam(input.until) };
    const [row] = await tx.run('participations/create', { actor: input.actor, operation: input.operation, props });
    await recordChanges(tx, [eventFor('Participation', 'CREATE', row.participation)]);
    return toParticipation(row.participation);
  });
}

export async function deleteParticipation(ctx: Context, id: string): Promise<{ id: string }> {
  const requiredSource = writableSource(ctx.principal, null, 'deleteParticipation');
  return ctx.db.write(async (tx) => {
    const [row] = await tx.run('participations/delete', { id, requiredSource });
    if (!row) {
      const [owner] = await tx.run('participations/source-of', { id });
      if (!owner) throw new NotFoundError('Participation', id);
      throw new ForbiddenError(`deleteParticipation: participation ${id} belongs to another source`, ['EDITOR', 'ADMIN']);
    }
    await recordChanges(tx, [eventFor('Participation', 'DELETE', row.participation)]);
    return { id };
  });
}
