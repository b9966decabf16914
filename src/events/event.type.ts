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
  @Field()
  name!: string;
  @Field(() => DateScalar)
  date!: string;
  @Field(() => String, { nullable: true })
  location!: string | null;
}
