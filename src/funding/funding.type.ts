import { Field, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type';
import { declareFields, recordBuilder } from '../model/entity';
import { FUNDING, type FundingValues } from './funding.model';
import { INDICATOR_VALUE, type IndicatorValueValues } from './indicator-value.model';

@ObjectType({ simpleResolvers: true, implements: Node, description: 'An amount in euros an actor (the funder) puts into an operation for one year. Amounts are public data unless `confidential`.' })
export class Funding extends Node {}
// Fields from the table (funding.model.ts); `funder`/`operation` are resolved from their ids, `amount` by the resolver (confidentiality).
export interface Funding extends FundingValues {}
declareFields(Funding, FUNDING, 'output', ['id', 'funderId', 'operationId', 'amount']);

const fundingBuilder = recordBuilder<Funding>(FUNDING, FUNDING.names, Funding.prototype);
/** A funding from a map of its properties with its ends as `funder`/`operation` (`f {.*, funder: a.id, operation: o.id}`, the feed's shape). */
export const fundingFromMap = (m: Record<string, unknown>): Funding => fundingBuilder.fromMap({ ...m, funderId: m.funder, operationId: m.operation });

@ObjectType({ simpleResolvers: true, implements: Node, description: "One dated value of an operation's indicator (its results series), with the target in force then." })
export class IndicatorValue extends Node {}
export interface IndicatorValue extends IndicatorValueValues {}
declareFields(IndicatorValue, INDICATOR_VALUE, 'output', ['id', 'indicatorId']);

const valueBuilder = recordBuilder<IndicatorValue>(INDICATOR_VALUE, INDICATOR_VALUE.names, IndicatorValue.prototype);
/** An indicator value from `v {.*, indicator: i.id, date: toString(v.date)}`. */
export const indicatorValueFromMap = (m: Record<string, unknown>): IndicatorValue => valueBuilder.fromMap({ ...m, indicatorId: m.indicator });

@ObjectType({ description: 'What recording indicator values did.' })
export class IndicatorValuesResult {
  @Field(() => [IndicatorValue], { description: 'The values as stored, in input order.' }) values!: IndicatorValue[];
}
