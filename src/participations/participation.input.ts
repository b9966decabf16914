import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ParticipationRole } from '../common/enums';
import { PageArgs } from '../common/pagination';
import { DateScalar } from '../common/scalars';

@InputType({ description: 'An actor joining an operation in a role.' })
export class CreateParticipationInput {
  @Field(() => ID) actor!: string;
  @Field(() => ID) operation!: string;
  @Field(() => ParticipationRole) role!: ParticipationRole;
  @Field(() => DateScalar, { nullable: true }) since?: Date | null;
  @Field(() => DateScalar, { nullable: true }) until?: Date | null;
}

@ArgsType()
export class OperationParticipationsArgs extends PageArgs {
  @Field(() => [ParticipationRole], { nullable: true, description: 'Only these roles.' })
  roles?: ParticipationRole[] | null;
  @Field(() => DateScalar, { nullable: true, description: 'Only participations holding on this date.' })
  asOf?: Date | null;
}
