import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { DateTime } from '../common/scalars';
import { ArrayMaxSize, IsEmail, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { ActorKind, OrderDirection, Sector } from '../common/enums';
import { PageArgs } from '../common/pagination';
import { registerEnumType } from 'type-graphql';

export enum ActorOrderField {
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(ActorOrderField, { name: 'ActorOrderField', description: 'What actors can be sorted by.' });

@InputType({ description: 'Narrows a list of actors; all given conditions must hold.' })
export class ActorFilter {
  @Field(() => [ActorKind], { nullable: true, description: 'Any of these kinds.' })
  kinds?: ActorKind[] | null;
  @Field(() => [Sector], { nullable: true, description: 'Any of these sectors.' })
  sectors?: Sector[] | null;
  @Field(() => String, { nullable: true, description: 'From this system of record.' })
  source?: string | null;
  @Field(() => [String], { nullable: true, description: 'Carrying all of these tags.' })
  @ArrayMaxSize(20)
  tags?: string[] | null;
  @Field(() => ID, { nullable: true, description: 'Participating in this operation (id).' })
  operation?: string | null;
  @Field(() => String, { nullable: true, description: 'Involved with this common (code): through an operation serving it, or as a steward.' })
  common?: string | null;
  @Field(() => String, { nullable: true, description: 'Working on this territory.' })
  territory?: string | null;
  @Field(() => DateTime, { nullable: true, description: 'Changed at or after this instant.' })
  updatedSince?: Date | null;
}

@InputType({ description: 'Sort order of an actor list (ties broken by id).' })
export class ActorOrder {
  @Field(() => ActorOrderField)
  field!: ActorOrderField;
  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  direction!: OrderDirection;
}

@ArgsType()
export class ActorsArgs extends PageArgs {
  @Field(() => ActorFilter, { nullable: true })
  filter?: ActorFilter | null;
  @Field(() => String, { nullable: true, description: 'Full-text search over names and descriptions (French, accent-insensitive: "foret" finds "Forêt"). Results come best match first; `orderBy` is then ignored.' })
  @MaxLength(200)
  search?: string | null;
  @Field(() => ActorOrder, { nullable: true, description: 'Default: by name, ascending.' })
  orderBy?: ActorOrder | null;
}

const TAG = /^[\p{L}\p{N}][\p{L}\p{N}_:.\-/ ]{0,63}$/u;
/** Names and free texts: no control characters (tabs and newlines allowed in descriptions only). */
const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/;
const NO_CONTROL_TEXT = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

@InputType({ description: 'A new actor.' })
export class CreateActorInput {
  @Field() @Length(1, 300) @Matches(NO_CONTROL, { message: 'name must not contain control characters' }) name!: string;
  @Field(() => ActorKind) kind!: ActorKind;
  @Field(() => Sector) sector!: Sector;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(5000) @Matches(NO_CONTROL_TEXT, { message: 'description must not contain control characters' }) description?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) @Matches(NO_CONTROL, { message: 'territory must not contain control characters' }) territory?: string | null;
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(50) @Matches(TAG, { each: true, message: 'each tag must be 1-64 letters, digits or _:.-/ and spaces' }) tags?: string[] | null;
  @Field(() => String, { nullable: true, description: 'System of record; defaults to `api` (a PARTNER key: its own source).' })
  @IsOptional() @Matches(/^[a-z0-9][a-z0-9_.-]{0,63}$/, { message: 'source must be 1-64 lowercase letters, digits, _ . -' }) source?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 200) externalId?: string | null;
  @Field(() => String, { nullable: true, description: 'Personal data (persons only).' }) @IsOptional() @IsEmail() @MaxLength(254) email?: string | null;
  @Field(() => String, { nullable: true, description: 'Personal data (persons only).' }) @IsOptional() @Matches(/^\+?[0-9 .()-]{4,30}$/, { message: 'phone must be digits, spaces and + . ( ) -' }) phone?: string | null;
}

@InputType({ description: 'Changes to an actor: omitted fields stay, null clears a nullable field.' })
export class UpdateActorInput {
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 300) @Matches(NO_CONTROL, { message: 'name must not contain control characters' }) name?: string | null;
  @Field(() => ActorKind, { nullable: true }) kind?: ActorKind | null;
  @Field(() => Sector, { nullable: true }) sector?: Sector | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(5000) @Matches(NO_CONTROL_TEXT, { message: 'description must not contain control characters' }) description?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) @Matches(NO_CONTROL, { message: 'territory must not contain control characters' }) territory?: string | null;
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(50) @Matches(TAG, { each: true, message: 'each tag must be 1-64 letters, digits or _:.-/ and spaces' }) tags?: string[] | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 200) externalId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsEmail() @MaxLength(254) email?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^\+?[0-9 .()-]{4,30}$/, { message: 'phone must be digits, spaces and + . ( ) -' }) phone?: string | null;
}
