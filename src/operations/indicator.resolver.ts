import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Indicator, type IndicatorRecord } from './indicator.type';
import { Operation } from './operation.type';

@Resolver(() => Indicator)
export class IndicatorResolver {
  @FieldResolver(() => Operation, { description: 'The operation the indicator measures.' })
  operation(@Root() i: IndicatorRecord, @Ctx() ctx: Context) {
    return ctx.loaders.operation.load(i.operationId);
  }
}
