import { Arg, Ctx, FieldResolver, Float, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Actor } from '../actors/actor.type';
import { Operation } from '../operations/operation.type';
import { DeletePayload } from '../common/delete.type';
import { SyncResult } from '../sync/sync.type';
import { Funding, IndicatorValue } from './funding.type';
import { Indicator, type IndicatorRecord } from '../operations/indicator.type';
import { DateScalar } from '../common/scalars';
import { attainmentOn } from '../evaluation/attainment';
import { CreateFundingInput, FundingSyncInput, IndicatorValueInput, UpdateFundingInput } from './funding.input';
import { createFunding, deleteFunding, deleteIndicatorValue, recordIndicatorValues, syncFundings, updateFunding, visibleAmount } from './funding.service';

const deleted = (id: string): DeletePayload => ({ deletedId: id, id, deleted: true, removedBonds: 0, removedParticipations: 0 });

@Resolver(() => Funding)
export class FundingResolver {
  @FieldResolver(() => Float, { nullable: true, description: 'Amount in euros; null when `confidential` and the caller is not an ANALYST, EDITOR, ADMIN or the PARTNER of its source.' })
  amount(@Root() f: Funding, @Ctx() ctx: Context) {
    return visibleAmount(ctx.principal, f);
  }

  @FieldResolver(() => Actor, { description: 'The funding actor.' })
  funder(@Root() f: Funding, @Ctx() ctx: Context) {
    return ctx.loaders.actor.load(f.funderId);
  }

  @FieldResolver(() => Operation, { description: 'The funded operation.' })
  operation(@Root() f: Funding, @Ctx() ctx: Context) {
    return ctx.loaders.operation.load(f.operationId);
  }

  @Mutation(() => Funding, { description: 'Records an amount an actor puts into an operation for a year. Needs EDITOR or ADMIN (PARTNER: by its own actors, in its own source).' })
  createFunding(@Arg('input', () => CreateFundingInput, { description: 'The funder, the operation, the amount and the year.' }) input: CreateFundingInput, @Ctx() ctx: Context) {
    return createFunding(ctx, input);
  }

  @Mutation(() => Funding, { description: "Changes a funding's amount, year, confidentiality or description. PARTNER keys: their own source only." })
  updateFunding(
    @Arg('id', () => ID, { description: 'The funding to change.' }) id: string,
    @Arg('input', () => UpdateFundingInput, { description: 'The fields to change.' }) input: UpdateFundingInput,
    @Ctx() ctx: Context,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'Refuse (CONFLICT) unless the funding is still at this version.' }) expectedVersion?: number | null,
  ) {
    return updateFunding(ctx, id, input, expectedVersion);
  }

  @Mutation(() => DeletePayload, { description: 'Removes a funding. PARTNER keys: their own source only.' })
  async deleteFunding(@Arg('id', () => ID, { description: 'The funding to remove.' }) id: string, @Ctx() ctx: Context): Promise<DeletePayload> {
    await deleteFunding(ctx, id);
    return deleted(id);
  }

  @Mutation(() => SyncResult, { description: "Idempotent bulk upsert of a source's fundings keyed by externalId (max MAX_SYNC_ITEMS a call, one transaction). PARTNER keys: their own source, fundings by their own actors." })
  syncFundings(
    @Arg('source', () => String, { description: 'The system of record the fundings belong to (a PARTNER key: its own).' }) source: string,
    @Arg('fundings', () => [FundingSyncInput], { description: 'The fundings, each keyed by its externalId in `source`.' }) fundings: FundingSyncInput[],
    @Ctx() ctx: Context,
    @Arg('dryRun', () => Boolean, { defaultValue: false, description: 'Validate and report what each item would become, writing nothing, not even to the change feed.' }) dryRun = false,
  ) {
    return syncFundings(ctx, source, fundings, dryRun);
  }

  @Mutation(() => [IndicatorValue], { description: "Records an indicator's values by date (a date already recorded is replaced), all or none; the indicator's `value` and `date` follow the latest. Needs EDITOR or ADMIN." })
  recordIndicatorValues(
    @Arg('indicator', () => ID, { description: 'The indicator measured.' }) indicator: string,
    @Arg('values', () => [IndicatorValueInput], { description: 'The dated values.' }) values: IndicatorValueInput[],
    @Ctx() ctx: Context,
  ) {
    return recordIndicatorValues(ctx, indicator, values);
  }

  @Mutation(() => DeletePayload, { description: "Removes one value of an indicator's series. Needs EDITOR or ADMIN." })
  async deleteIndicatorValue(@Arg('id', () => ID, { description: 'The value to remove.' }) id: string, @Ctx() ctx: Context): Promise<DeletePayload> {
    await deleteIndicatorValue(ctx, id);
    return deleted(id);
  }
}

@Resolver(() => Operation)
export class OperationFundingResolver {
  @FieldResolver(() => [Funding], { description: 'Who funds the operation, how much, which year (by year). Confidential amounts read null for callers without access.' })
  fundings(@Root() op: Operation, @Ctx() ctx: Context) {
    return ctx.loaders.fundingsOfOperation.load(op.id);
  }
}

@Resolver(() => Indicator)
export class IndicatorSeriesResolver {
  @FieldResolver(() => [IndicatorValue], { description: "The indicator's values over time (its results series), oldest first." })
  series(@Root() i: IndicatorRecord, @Ctx() ctx: Context) {
    return ctx.loaders.valuesOfIndicator.load(i.id);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'value / target on a date: the latest value on or before `asOf` over the target in force then (its own, else the indicator\'s). Null without a value, or without a non-zero target.' })
  async attainment(@Root() i: IndicatorRecord, @Ctx() ctx: Context, @Arg('asOf', () => DateScalar, { nullable: true, description: 'The date (default: the latest value).' }) asOf?: Date | null) {
    return attainmentOn(i, await ctx.loaders.valuesOfIndicator.load(i.id), asOf ?? null)?.attainment ?? null;
  }
}
