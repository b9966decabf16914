import { ParticipationRole } from '../common/enums';
import { defineEntity, type ValuesOf } from '../model/entity';
import { choice, day, endField, idField, instantField, versionField } from '../model/field';

/** A participation's shape, declared once (see ACTOR): an actor's role in an operation, over a period. */
export const PARTICIPATION = defineEntity(
  'Participation',
  {
    id: idField(),
    role: choice(ParticipationRole, { description: "The actor's role in the operation.", required: true, aliases: ['role', 'fonction'], headerFr: 'rôle' }),
    actorId: endField('Id of the participating actor.', 'startNode'),
    operationId: endField('Id of the operation.', 'endNode'),
    since: day({ description: 'First day of the participation.', aliases: ['depuis', 'debut'], headerFr: 'depuis' }),
    until: day({ description: 'Last day; null while it lasts.', aliases: ['jusqu au', 'fin'], headerFr: "jusqu'au" }),
    version: versionField(),
    createdAt: instantField('When the participation was created.'),
    updatedAt: instantField('When the participation last changed.'),
  },
  [(p) => (p.since != null && p.until != null && (p.until as string) < (p.since as string) ? { field: 'until', message: `is before since (${String(p.since)})` } : null)],
);

export type ParticipationValues = ValuesOf<typeof PARTICIPATION.fields>;
