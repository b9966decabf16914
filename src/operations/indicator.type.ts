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
  @Field({ description: 'What is measured, e.g. "Emplois créés dans la filière bois".' })
  name!: string;
  @Field(() => String, { nullable: true, description: 'Unit of `value` and `target`, e.g. "emplois".' })
  unit!: string | null;
  @Field(() => Float, { nullable: true, description: 'Measured value on `date`, in `unit`; null while not measured.' })
  value!: number | null;
  @Field(() => Float, { nullable: true, description: 'Value the operation aims at, in `unit`; null when none was set.' })
  target!: number | null;
  @Field(() => DateScalar, { nullable: true, description: 'Date the value was measured.' })
  date!: string | null;
}
