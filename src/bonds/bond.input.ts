import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { entityInput } from '../model/entity';
import { BOND, type BondValues } from './bond.model';
import { BondDirection, BondKind, OrderDirection } from '../common/enums';
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

export enum BondOrderField {
  ID = 'ID',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(BondOrderField, {
  name: 'BondOrderField',
  description: "What an actor's bonds can be sorted by.",
  valuesConfig: {
    ID: { description: 'By bond id: a stable order that says nothing of time (the default).' },
    CREATED_AT: { description: 'By the instant the bond was recorded (DESC: the latest bonds first).' },
    UPDATED_AT: { description: 'By the last change of the bond.' },
  },
});

@InputType({ description: "The order of an actor's bonds; ties are broken by bond id, in the same direction." })
export class BondOrder {
  @Field(() => BondOrderField, { description: 'What to sort by.' })
  field!: BondOrderField;
  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Ascending (default) or descending.' })
  direction!: OrderDirection;
}

@ArgsType()
export class ActorBondsArgs extends PageArgs {
  @Field(() => [BondKind], { nullable: true, description: 'Only these kinds.' })
  kinds?: BondKind[] | null;
  @Field(() => BondDirection, { defaultValue: BondDirection.BOTH, description: 'Bonds from the actor, to it, or both.' })
  direction!: BondDirection;
  @Field(() => BondOrder, { nullable: true, description: 'Default: by bond id, ascending. A cursor is valid only with the order it was made with.' })
  orderBy?: BondOrder | null;
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
