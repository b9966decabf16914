import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type';
import { Connection } from '../common/pagination';
import { declareFields } from '../model/entity';
import { ACTOR, type ActorValues } from './actor.model';

@ObjectType({ simpleResolvers: true, implements: Node, description: 'A stakeholder: an organization, person, council department, governance body or collective.' })
export class Actor extends Node {}
// The class's fields come from the table (actor.model.ts); the interface gives them their types.
export interface Actor extends ActorValues {}
declareFields(Actor, ACTOR, 'output', ['id']);

@ObjectType({ simpleResolvers: true, description: 'A page of actors.' })
export class ActorConnection extends Connection(Actor, 'Actor') {
  @Field(() => Int, { simple: true, description: 'How many actors match, across all pages (counted only when asked for).' })
  totalCount!: number;
}
