import { Field, Int, ObjectType } from 'type-graphql';
import { DateTime } from '../common/scalars';
import { Node } from '../node/node.type';
import { ActorKind, Sector } from '../common/enums';
import { Connection } from '../common/pagination';

@ObjectType({ simpleResolvers: true, implements: Node, description: 'A stakeholder: an organization, person, council department, governance body or collective.' })
export class Actor extends Node {
  @Field({ description: 'Display name.' })
  name!: string;
  @Field(() => ActorKind, { description: 'What the actor is.' })
  kind!: ActorKind;
  @Field(() => Sector, { description: 'Stakeholder family.' })
  sector!: Sector;
  @Field(() => String, { nullable: true, description: 'Free-text description.' })
  description!: string | null;
  @Field(() => String, { nullable: true, description: 'Territory the actor works on, e.g. "Audomarois", "Bassin minier".' })
  territory!: string | null;
  @Field(() => [String], { description: 'Free tags, e.g. `value-chain:producer`, `fictional`.' })
  tags!: string[];
  @Field({ description: 'System of record the actor comes from (`api` when created here, a partner source when synced).' })
  source!: string;
  @Field(() => String, { nullable: true, description: 'Key of the actor in its system of record; unique within `source`.' })
  externalId!: string | null;
  @Field(() => String, { nullable: true, description: 'Personal data: only EDITOR and ADMIN keys see it; null for everyone else.' })
  email!: string | null;
  @Field(() => String, { nullable: true, description: 'Personal data: only EDITOR and ADMIN keys see it; null for everyone else.' })
  phone!: string | null;
  @Field(() => Int, { description: 'Incremented by every change; pass it as `expectedVersion` to update safely.' })
  version!: number;
  @Field(() => DateTime, { description: 'When the actor was created.' })
  createdAt!: Date;
  @Field(() => DateTime, { description: 'When the actor last changed.' })
  updatedAt!: Date;
}

@ObjectType({ simpleResolvers: true, description: 'A page of actors.' })
export class ActorConnection extends Connection(Actor, 'Actor') {
  @Field(() => Int, { simple: true, description: 'How many actors match, across all pages (counted only when asked for).' })
  totalCount!: number;
}
