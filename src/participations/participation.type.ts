import { Field, Int, ObjectType } from 'type-graphql';
import type { Actor } from '../actors/actor.type';
import { Node } from '../node/node.type';
import { ParticipationRole } from '../common/enums';
import { Connection } from '../common/pagination';
import { DateScalar, DateTime } from '../common/scalars';

export interface ParticipationRecord {
  id: string;
  role: ParticipationRole;
  since: string | null;
  until: string | null;
  actorId: string;
  operationId: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** The participant as an actor card, when the page's query read only cards. */
  actorCard?: Actor;
}

@ObjectType({ simpleResolvers: true, implements: Node, description: "An actor's role in a development operation, over a period (Popolo: Membership)." })
export class Participation extends Node {
  @Field(() => ParticipationRole)
  role!: ParticipationRole;
  @Field(() => DateScalar, { nullable: true, description: 'First day of the participation.' })
  since!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Last day; null while it lasts.' })
  until!: string | null;
  @Field(() => Int)
  version!: number;
  @Field(() => DateTime)
  createdAt!: Date;
  @Field(() => DateTime)
  updatedAt!: Date;
}

@ObjectType({ simpleResolvers: true, description: 'A page of participations.' })
export class ParticipationConnection extends Connection(Participation, 'Participation') {
  @Field(() => Int, { simple: true, description: 'How many participations match, across all pages (counted only when asked for).' })
  totalCount!: number;
}
