import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { Actor } from '../actors/actor.type';
import { Node } from '../node/node.type';
import { BondKind } from '../common/enums';
import { Connection } from '../common/pagination';
import { DateScalar, DateTime } from '../common/scalars';

/** A bond as services hand it to resolvers: endpoints are ids, resolved through the actor loader. */
export interface BondRecord {
  id: string;
  kind: BondKind;
  fromId: string;
  toId: string;
  directed: boolean;
  weight: number | null;
  since: string | null;
  until: string | null;
  description: string | null;
  source: string;
  externalId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** The other end as an actor card, when the page's query read only cards (see actorOrCardFromValues). */
  endCard?: Actor;
}

@ObjectType({ simpleResolvers: true, implements: Node, description: 'A typed tie between two actors, with its own id, dates and provenance.' })
export class Bond extends Node {
  @Field(() => BondKind, { description: 'What the tie is.' })
  kind!: BondKind;
  @Field({ description: 'False for symmetric ties (COLLABORATES_WITH, CO_MANAGES by default): `from`/`to` then only record who was entered first.' })
  directed!: boolean;
  @Field(() => Float, { nullable: true, description: 'Optional strength of the tie (e.g. 1-5, or an amount).' })
  weight!: number | null;
  @Field(() => DateScalar, { nullable: true, description: 'First day the tie held.' })
  since!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Last day the tie held; null while it lasts.' })
  until!: string | null;
  @Field(() => String, { nullable: true, description: 'Description or evidence of the tie.' })
  description!: string | null;
  @Field({ description: 'System of record the bond comes from.' })
  source!: string;
  @Field(() => String, { nullable: true, description: 'Key of the bond in its system of record.' })
  externalId!: string | null;
  @Field(() => Int, { description: 'Incremented by every change; pass it as `expectedVersion` to update safely.' })
  version!: number;
  @Field(() => DateTime)
  createdAt!: Date;
  @Field(() => DateTime)
  updatedAt!: Date;
}

@ObjectType({ simpleResolvers: true, description: 'A page of bonds.' })
export class BondConnection extends Connection(Bond, 'Bond') {
  @Field(() => Int, { simple: true, description: 'How many bonds match, across all pages (counted only when asked for).' })
  totalCount!: number;
}
