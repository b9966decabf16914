import type { Context } from '../context';
import { newId } from '../common/ids';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { writableSource } from '../auth/roles';
import { eventFor, recordChanges } from '../changes/change.recorder';
import { admitOrRefuse, toParams } from '../model/entity';
import { PARTICIPATION } from './participation.model';
import { participationFromMap, type ParticipationRecord } from './participation.type';
import type { CreateParticipationInput } from './participation.input';

export async function createParticipation(ctx: Context, input: CreateParticipationInput): Promise<ParticipationRecord> {
  const required = writableSource(ctx.principal, null, 'createParticipation');
  const values = admitOrRefuse(PARTICIPATION, input as unknown as Record<string, unknown>, 'create', 'input', 'createParticipation');
  return ctx.db.write(async (tx) => {
    const [check] = await tx.run('participations/exists', { actor: input.actor, operation: input.operation, role: input.role });
    if (!check.actorExists) throw new NotFoundError('Actor', input.actor);
    if (!check.operationExists) throw new NotFoundError('Operation', input.operation);
    if (required != null && check.actorSource !== required) {
      throw new ForbiddenError(`createParticipation: actor ${input.actor} belongs to another source; this PARTNER key may only change source ${JSON.stringify(required)}`, ['EDITOR', 'ADMIN']);
    }
    if (check.existing) throw new ConflictError(`Actor ${input.actor} already has role ${input.role} in operation ${input.operation} (participation ${check.existing})`, { existingId: check.existing });
    const props = { ...toParams(PARTICIPATION, values), id: newId('Participation') };
    const [row] = await tx.run('participations/create', { actor: input.actor, operation: input.operation, props });
    if (!row.created) throw new ConflictError(`Actor ${input.actor} already has role ${input.role} in operation ${input.operation} (participation ${row.participation.id})`, { existingId: row.participation.id });
    await recordChanges(tx, [eventFor('Participation', 'CREATE', row.participation)]);
    return participationFromMap(row.participation);
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
