import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { toCommon } from '../common/records';
import { Actor } from '../actors/actor.type';
import { Operation } from '../operations/operation.type';
import { Common, type CommonRecord } from './common.type';

@Resolver(() => Common)
export class CommonResolver {
  @Query(() => [Common], { description: 'The commons, by code.' })
  async commons(@Ctx() ctx: Context) {
    const rows = await ctx.db.read('commons/all');
    return rows.map((r) => toCommon(r.common));
  }

  @Query(() => Common, { nullable: true, description: 'One common by code, e.g. `WATER`.' })
  common(@Arg('code', () => String, { description: 'The common\'s code, e.g. `WATER`.' }) code: string, @Ctx() ctx: Context) {
    return ctx.loaders.commonByCode.load(code);
  }

  @FieldResolver(() => [Operation], { description: 'The operations serving this common.' })
  operations(@Root() c: CommonRecord, @Ctx() ctx: Context) {
    return ctx.loaders.operationsOfCommon.load(c.id);
  }

  @FieldResolver(() => [Actor], { description: 'The actors stewarding this common.' })
  stewards(@Root() c: CommonRecord, @Ctx() ctx: Context) {
    return ctx.loaders.stewardsOfCommon.load(c.id);
  }
}
