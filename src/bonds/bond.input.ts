import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { entityInput } from '../model/entity';
import { BOND, type BondValues } from './bond.model';
import { BondDirection, BondKind } from '../common/enums';
import { PageArgs } from '../common/pagination';
import { DateScalar, DateTime } from '../common/scalars';

@InputType({ description: 'Narrows a list of bonds; all given conditions must hold.' })
export class BondFilter {
  @Field(() => [BondKind], { nullable: true, description: 'Any of these kinds.' })
  kinds?: BondKind[] | null;
  @Field(() => String, { nullable: true, description: 'From this system of record.' })
  source?: string | null;
  @Field(() => ID, { nullable: true, description: 'Touching this actor (either end).' })
  actor?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Holding on this date (since ≤ date ≤ until).' })
  validOn?: Date | null;
  @Field(() => DateTime, { nullable: true, description: 'Changed at or after this instant.' })
  updatedSince?: Date | null;
}

@ArgsType()
export class BondsArgs extends PageArgs {
  @Field(() => BondFilter, { nullable: true, description: 'Conditions the bonds must all meet.' })
  filter?: BondFilter | null;
}

@ArgsType()
export class ActorBondsArgs extends PageArgs {
  @Field(() => [BondKind], { nullable: true, description: 'Only these kinds.' })
  kinds?: BondKind[] | null;
  @Field(() => BondDirection, { defaultValue: BondDirection.BOTH, description: 'Bonds from the actor, to it, or both.' })
  direction!: BondDirection;
}

/** A new bond between two existing actors: its ends, its source, and the table's writable fields (bond.model.ts). */
export class CreateBondInput {
  @Field(() => ID, { description: 'Actor id at the start of the tie.' }) from!: string;
  @Field(() => ID, { description: 'Actor id at the end of the tie.' }) to!: string;
  @Field(() => String, { nullable: true, description: 'System of record; defaults to `api` (a PARTNER key: its own source).' })
  source?: string | null;
}
export interface CreateBondInput extends Partial<Omit<BondValues, 'fromId' | 'toId' | 'source'>> {}
entityInput(CreateBondInput, BOND, 'create', 'CreateBondInput', 'A new bond between two existing actors.');

/** Changes to a bond: the table's writable fields, each optional (its ends cannot change). */
export class UpdateBondInput {}
export interface UpdateBondInput extends Partial<Omit<BondValues, 'fromId' | 'toId'>> {}
entityInput(UpdateBondInput, BOND, 'patch', 'UpdateBondInput', 'Changes to a bond: omitted fields stay, null clears a nullable field. Endpoints cannot change: delete and create instead.');
