import { ArgsType, Field, Float, ID, InputType } from 'type-graphql';
import { IsOptional, Length, Matches, Max, MaxLength, Min } from 'class-validator';
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
  @Field(() => BondFilter, { nullable: true })
  filter?: BondFilter | null;
}

@ArgsType()
export class ActorBondsArgs extends PageArgs {
  @Field(() => [BondKind], { nullable: true, description: 'Only these kinds.' })
  kinds?: BondKind[] | null;
  @Field(() => BondDirection, { defaultValue: BondDirection.BOTH, description: 'Bonds from the actor, to it, or both.' })
  direction!: BondDirection;
}

const SOURCE = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

@InputType({ description: 'A new bond between two existing actors.' })
export class CreateBondInput {
  @Field(() => BondKind) kind!: BondKind;
  @Field(() => ID, { description: 'Actor id at the start of the tie.' }) from!: string;
  @Field(() => ID, { description: 'Actor id at the end of the tie.' }) to!: string;
  @Field(() => Boolean, { nullable: true, description: 'Default: false for COLLABORATES_WITH and CO_MANAGES, true otherwise.' }) directed?: boolean | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0) @Max(1e12) weight?: number | null;
  @Field(() => DateScalar, { nullable: true }) since?: Date | null;
  @Field(() => DateScalar, { nullable: true }) until?: Date | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(5000) description?: string | null;
  @Field(() => String, { nullable: true, description: 'System of record; defaults to `api` (a PARTNER key: its own source).' })
  @IsOptional() @Matches(SOURCE, { message: 'source must be 1-64 lowercase letters, digits, _ . -' }) source?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 200) externalId?: string | null;
}

@InputType({ description: 'Changes to a bond: omitted fields stay, null clears a nullable field. Endpoints cannot change: delete and create instead.' })
export class UpdateBondInput {
  @Field(() => BondKind, { nullable: true }) kind?: BondKind | null;
  @Field(() => Boolean, { nullable: true }) directed?: boolean | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0) @Max(1e12) weight?: number | null;
  @Field(() => DateScalar, { nullable: true }) since?: Date | null;
  @Field(() => DateScalar, { nullable: true }) until?: Date | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(5000) description?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 200) externalId?: string | null;
}
