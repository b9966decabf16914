import { ArgsType, Field, ID } from 'type-graphql';
import { entityInput } from '../model/entity';
import { PARTICIPATION, type ParticipationValues } from './participation.model';
import { ParticipationRole } from '../common/enums';
import { PageArgs } from '../common/pagination';
import { DateScalar } from '../common/scalars';

/** An actor joining an operation: both ends, and the table's writable fields (participation.model.ts). */
export class CreateParticipationInput {
  @Field(() => ID, { description: 'Id of the actor taking part.' }) actor!: string;
  @Field(() => ID, { description: 'Id of the operation.' }) operation!: string;
}
export interface CreateParticipationInput extends Partial<Omit<ParticipationValues, 'actorId' | 'operationId'>> {}
entityInput(CreateParticipationInput, PARTICIPATION, 'create', 'CreateParticipationInput', 'An actor joining an operation in a role.');

@ArgsType()
export class OperationParticipationsArgs extends PageArgs {
  @Field(() => [ParticipationRole], { nullable: true, description: 'Only these roles.' })
  roles?: ParticipationRole[] | null;
  @Field(() => DateScalar, { nullable: true, description: 'Only participations holding on this date.' })
  asOf?: Date | null;
}
