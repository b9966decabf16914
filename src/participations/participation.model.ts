import { ParticipationRole } from '../common/enums';
import { defineEntity, namesWith, type ValuesOf } from '../model/entity';
import { choice, day, endField, idField, instantField, versionField } from '../model/field';

/** A participation's shape, declared once (see ACTOR): an actor's role in an operation, over a period. */
export const PARTICIPATION = defineEntity(
  'Participation',
  {
    id: idField(),
    role: choice(ParticipationRole, { description: "The actor's role in the operation.", required: true, card: true, aliases: ['rôle', 'fonction'], headerFr: 'rôle' }),
    actorId: endField('Id of the participating actor.', 'startNode'),
    operationId: endField('Id of the operation.', 'endNode'),
    since: day({ description: 'First day of the participation.', card: true, aliases: ['depuis', 'début'], headerFr: 'depuis' }),
    until: day({ description: 'Last day; null while it lasts.', card: true, aliases: ['jusqu’au', "jusqu'au", 'fin'], headerFr: "jusqu'au" }),
    version: versionField(),
    createdAt: instantField('When the participation was created.'),
    updatedAt: instantField('When the participation last changed.'),
  },
  [(p) => (p.since != null && p.until != null && (p.until as string) < (p.since as string) ? { field: 'until', message: `is before since (${String(p.since)})` } : null)],
  {},
  (p) => (p.role === ParticipationRole.LEAD_DEPARTMENT || p.role === ParticipationRole.PROJECT_LEAD ? `an operation's lead role (${String(p.role)})` : null),
);

export type ParticipationValues = ValuesOf<typeof PARTICIPATION.fields>;

/**
 * A participation card: what a page that draws an operation's members reads (id, role, period),
 * without the bookkeeping (version, instants) nor the ends, which the page's query knows already.
 */
export const PARTICIPATION_CARD_FIELDS: readonly string[] = ['id', ...namesWith(PARTICIPATION, 'card')];
