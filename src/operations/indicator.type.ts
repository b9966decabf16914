import { Field, Float, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type';
import { DateScalar } from '../common/scalars';

export interface IndicatorRecord {
  id: string;
  name: string;
  unit: string | null;
  value: number | null;
  target: number | null;
  date: string | null;
  operationId: string;
}

@ObjectType({ simpleResolvers: true, implements: Node, description: 'A measured result of an operation, e.g. jobs created, homes retrofitted.' })
export class Indicator extends Node {
  @Field()
  name!: string;
  @Field(() => String, { nullable: true, description: 'Unit of `value` and `target`, e.g. "emplois".' })
  unit!: string | null;
  @Field(() => Float, { nullable: true })
  value!: number | null;
  @Field(() => Float, { nullable: true })
  target!: number | null;
  @Field(() => DateScalar, { nullable: true, description: 'Date the value was measured.' })
  date!: string | null;
}
