import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context';
import { Actor } from '../actors/actor.type';
import { Common } from '../commons/common.type';
import { ParticipationConnection } from '../participations/participation.type';
import { OperationParticipationsArgs } from '../participations/participation.input';
import { Indicator } from './indicator.type';
import { Operation, RoleCount, type OperationRecord } from './operation.type';
import { findOperation, listOperations } from './operation.service';
import { operationParticipationsKey, participantsAsCards } from '../participations/participation.loader';

@Resolver(() => Operation)
export class OperationResolver {
  @Query(() => [Operation], { description: 'The development operations, by code.' })
  operations(@Ctx() ctx: Context) {
    return listOperations(ctx);
  }

  @Query(() => Operation, { nullable: true, description: 'One operation by `id` or by `code` (exactly one of them).' })
  operation(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { nullable: true, description: 'The operation\'s id.' }) id?: string | null,
    @Arg('code', () => String, { nullable: true, description: 'The operation\'s code, e.g. `FOOD_GOVERNANCE`.' }) code?: string | null,
    @Info() info?: GraphQLResolveInfo,
  ) {
    return findOperation(ctx, id, code, info);
  }

  @FieldResolver(() => [Common], { description: 'The commons the operation serves.' })
  commons(@Root() op: OperationRecord, @Ctx() ctx: Context) {
    return ctx.loaders.commonsOfOperation.load(op.id);
  }

  @FieldResolver(() => ParticipationConnection, { description: 'Who takes part, in which role, as a connection (filter by roles, date).' })
  participations(@Root() op: OperationRecord, @Args(() => OperationParticipationsArgs) args: OperationParticipationsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.participationsOfOperation.load(operationParticipationsKey(op.id, args, participantsAsCards(info.fieldNodes, info)));
  }

  @FieldResolver(() => [RoleCount], { description: 'How many participants hold each role, most frequent first.' })
  participantCounts(@Root() op: OperationRecord, @Ctx() ctx: Context) {
    return ctx.loaders.roleCounts.load(op.id);
  }

  @FieldResolver(() => Actor, { nullable: true, description: 'The council department leading the operation.' })
  async leadDepartment(@Root() op: OperationRecord, @Ctx() ctx: Context) {
    const { leadDepartment } = await ctx.loaders.operationLeads.load(op.id);
    return leadDepartment ? ctx.loaders.actor.load(leadDepartment) : null;
  }

  @FieldResolver(() => Actor, { nullable: true, description: 'The project lead (chef de projet) of the operation.' })
  async projectLead(@Root() op: OperationRecord, @Ctx() ctx: Context) {
    const { projectLead } = await ctx.loaders.operationLeads.load(op.id);
    return projectLead ? ctx.loaders.actor.load(projectLead) : null;
  }

  @FieldResolver(() => [Indicator], { description: 'Measured results of the operation.' })
  indicators(@Root() op: OperationRecord, @Ctx() ctx: Context) {
    return ctx.loaders.indicatorsOfOperation.load(op.id);
  }
}
