import { Field, Int, ObjectType } from 'type-graphql';
import type { Actor } from '../actors/actor.type';
import { Node } from '../node/node.type';
import { Connection } from '../common/pagination';
import { declareFields, recordBuilder } from '../model/entity';
import { cardRecords } from '../model/card';
import { PARTICIPATION, PARTICIPATION_CARD_FIELDS, type ParticipationValues } from './participation.model';

@ObjectType({ simpleResolvers: true, implements: Node, description: "An actor's role in a development operation, over a period (Popolo: Membership)." })
export class Participation extends Node {}
// Fields from the table (participation.model.ts); `actor`/`operation` are resolved from their ids.
export interface Participation extends ParticipationValues {}
declareFields(Participation, PARTICIPATION, 'output', ['id', 'actorId', 'operationId']);

export interface ParticipationRecord extends Participation {
  /** The participant as an actor card, when the page's query read only cards. */
  actorCard?: Actor;
}

const builder = recordBuilder<ParticipationRecord>(PARTICIPATION, PARTICIPATION.names, Participation.prototype);
/** A participation from the values of `{{PARTICIPATION p}}` (every field, in the table's order). */
export const participationFromValues = (v: readonly unknown[]): ParticipationRecord => builder.fromValues(v);
/**
 * A participation card (`PARTICIPATION: 'CARD'`): id, role and period, its ends set by the loader
 * that read it (it knows them), every other field from the full record (src/model/card.ts).
 */
const card = cardRecords<ParticipationRecord>(PARTICIPATION, PARTICIPATION_CARD_FIELDS, Participation.prototype, ['actorId', 'operationId'], 'participation');
/** A participation card from `{{PARTICIPATION p}}` values read with `PARTICIPATION: 'CARD'`, and its two ends. */
export const participationCardFromValues = (v: readonly unknown[], actorId: string, operationId: string): ParticipationRecord => {
  const p = card.fromValues(v);
  p.actorId = actorId;
  p.operationId = operationId;
  return p;
};

/** A participation from a map with its ends as `actor`/`operation` (`p {.*, actor: a.id, operation: o.id}`, the feed's shape). */
export const participationFromMap = (m: Record<string, unknown>): ParticipationRecord => builder.fromMap({ ...m, actorId: m.actor, operationId: m.operation });

@ObjectType({ simpleResolvers: true, description: 'A page of participations.' })
export class ParticipationConnection extends Connection(Participation, 'Participation') {
  @Field(() => Int, { simple: true, description: 'How many participations match, across all pages (counted only when asked for).' })
  totalCount!: number;
}
