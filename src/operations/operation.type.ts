import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type';
import { ParticipationRole } from '../common/enums';

export interface OperationRecord {
  id: string;
  code: string;
  name: string;
  description: string | null;
}

@ObjectType({ simpleResolvers: true, implements: Node, description: 'One of the program\'s development operations, led in project mode by a project lead with a lead department, opening a collaboration space to stakeholders.' })
export class Operation extends Node {
  @Field({ description: 'Stable code, e.g. `FOOD_GOVERNANCE`.' })
  code!: string;
  @Field({ description: 'Name as the program writes it (French), e.g. "Gouvernance alimentaire".' })
  name!: string;
  @Field(() => String, { nullable: true, description: 'What the operation does.' })
  description!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'How many participants hold a role in an operation.' })
export class RoleCount {
  @Field(() => ParticipationRole, { description: 'The role.' })
  role!: ParticipationRole;
  @Field(() => Int, { description: 'How many participations in the operation hold it.' })
  count!: number;
}
