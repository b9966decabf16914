import { Field, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type';
import { DateScalar } from '../common/scalars';

export interface EventRecord {
  id: string;
  name: string;
  date: string;
  location: string | null;
}

@ObjectType({ simpleResolvers: true, implements: Node, description: 'A program event, e.g. the annual assises, with its attendees.' })
export class Event extends Node {
  @Field({ description: 'Name of the event, e.g. "2es assises de la TESR".' })
  name!: string;
  @Field(() => DateScalar, { description: 'Day the event took place (its first day).' })
  date!: string;
  @Field(() => String, { nullable: true, description: 'Where it took place, e.g. "Conseil régional, Lille"; null when not recorded.' })
  location!: string | null;
}
