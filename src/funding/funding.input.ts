import { Field, ID } from 'type-graphql';
import { entityInput } from '../model/entity';
import { ActorRef } from '../sync/sync.type';
import { FUNDING, type FundingValues } from './funding.model';
import { INDICATOR_VALUE, type IndicatorValueValues } from './indicator-value.model';

type Writable = Omit<FundingValues, 'id' | 'funderId' | 'operationId' | 'source' | 'version' | 'createdAt' | 'updatedAt'>;

/** A new funding: its ends, its source and key, and the table's writable fields (funding.model.ts). */
export class CreateFundingInput {
  @Field(() => ID, { description: 'Id of the funding actor.' }) funder!: string;
  @Field(() => ID, { description: 'The funded operation: its id or its code.' }) operation!: string;
  @Field(() => String, { nullable: true, description: 'System of record; defaults to `api` (a PARTNER key: its own source).' }) source?: string | null;
}
export interface CreateFundingInput extends Partial<Writable> {}
entityInput(CreateFundingInput, FUNDING, 'create', 'CreateFundingInput', 'An amount an actor puts into an operation for a year.');

export class UpdateFundingInput {}
export interface UpdateFundingInput extends Partial<Writable> {}
entityInput(UpdateFundingInput, FUNDING, 'patch', 'UpdateFundingInput', "Changes to a funding's amount, year, confidentiality or description (its ends never change).");

/** One funding of a partner's registry: its key, its ends, and the table's synced fields. */
export class FundingSyncInput {
  @Field({ description: 'Key in the partner system; unique within the source.' }) externalId!: string;
  @Field(() => ActorRef, { description: 'The funding actor (by id, or by externalId in a source; the funder must belong to the sync\'s source for a PARTNER key).' }) funder!: ActorRef;
  @Field(() => String, { description: 'The funded operation: its id or its code.' }) operation!: string;
}
export interface FundingSyncInput extends Partial<Writable> {}
entityInput(FundingSyncInput, FUNDING, 'sync', 'FundingSyncInput', "One funding of a partner's registry, keyed by externalId. The record replaces the stored one: omitted optional fields are cleared.");

/** One value of an indicator's series: the table's writable fields (indicator-value.model.ts). */
export class IndicatorValueInput {}
export interface IndicatorValueInput extends Partial<Omit<IndicatorValueValues, 'id' | 'indicatorId' | 'version' | 'createdAt' | 'updatedAt'>> {}
entityInput(IndicatorValueInput, INDICATOR_VALUE, 'create', 'IndicatorValueInput', "One dated value of an indicator; a value on a date already recorded replaces it.");
