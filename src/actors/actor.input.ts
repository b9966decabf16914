import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { DateTime } from '../common/scalars';
import { ArrayMaxSize, MaxLength } from 'class-validator';
import { entityInput } from '../model/entity';
import { ACTOR, type ActorValues } from './actor.model';
import { ActorKind, OrderDirection, Sector } from '../common/enums';
import { PageArgs } from '../common/pagination';
import { registerEnumType } from 'type-graphql';

export enum ActorOrderField {
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(ActorOrderField, {
  name: 'ActorOrderField',
  description: 'What actors can be sorted by.',
  valuesConfig: {
    NAME: { description: 'By name in French order: accents and case do not count (« École » before « Zèbre »).' },
    CREATED_AT: { description: 'By creation instant.' },
    UPDATED_AT: { description: 'By last change.' },
  },
});

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
  @Field(() => ID, { nullable: true, description: 'Participating in this operation: its id, or its code (e.g. FOOD_GOVERNANCE).' })
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
  @Field(() => ActorOrderField, { description: 'What to sort by.' })
  field!: ActorOrderField;
  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'Ascending (default) or descending.' })
  direction!: OrderDirection;
}

@ArgsType()
export class ActorsArgs extends PageArgs {
  @Field(() => ActorFilter, { nullable: true, description: 'Conditions the actors must all meet.' })
  filter?: ActorFilter | null;
  @Field(() => String, { nullable: true, description: 'Full-text search over names and descriptions (French, accent-insensitive: "foret" finds "Forêt"). Results come best match first; `orderBy` is then ignored.' })
  @MaxLength(200)
  search?: string | null;
  @Field(() => ActorOrder, { nullable: true, description: 'Default: by name, ascending.' })
  orderBy?: ActorOrder | null;
}

/** A new actor: the table's writable fields (actor.model.ts), plus where it comes from. */
export class CreateActorInput {
  @Field(() => String, { nullable: true, description: 'System of record; defaults to `api` (a PARTNER key: its own source).' })
  source?: string | null;
}
export interface CreateActorInput extends Partial<Omit<ActorValues, 'source'>> {}
entityInput(CreateActorInput, ACTOR, 'create', 'CreateActorInput', 'A new actor.');

/** Changes to an actor: the table's writable fields, each optional. */
export class UpdateActorInput {}
export interface UpdateActorInput extends Partial<ActorValues> {}
entityInput(UpdateActorInput, ACTOR, 'patch', 'UpdateActorInput', 'Changes to an actor: omitted fields stay, null clears a nullable field.');
