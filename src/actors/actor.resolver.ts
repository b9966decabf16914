import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context';
import { can } from '../auth/roles';
import { Actor, ActorConnection } from './actor.type';
import { ActorsArgs, CreateActorInput, UpdateActorInput } from './actor.input';
import { createActor, deleteActor, listActors, updateActor } from './actor.service';
import { actorField, servedByCard } from './actor.record';
import { BondConnection } from '../bonds/bond.type';
import { ActorBondsArgs } from '../bonds/bond.input';
import { BondDirection, BondKind } from '../common/enums';
import { Participation } from '../participations/participation.type';
import { Operation } from '../operations/operation.type';
import { Common } from '../commons/common.type';
import { Event } from '../events/event.type';
import { DeletePayload } from '../common/delete.type';
import { actorBondsKey, bondEndsAsCards } from '../bonds/bond.loader';
import { prefetch } from '../common/prefetch';
import { fieldsAt, selectedChildren } from '../common/lookahead';

@Resolver(() => Actor)
export class ActorResolver {
  @Query(() => Actor, { nullable: true, description: 'One actor by id; null when there is none.' })
  actor(@Arg('id', () => ID, { description: 'The actor\'s id (`act_…`).' }) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const actor = ctx.loaders.actor.load(id);
    // An actor page: its bonds and operations start now, in the same bundled query as the actor.
    for (const child of selectedChildren(info, 'Actor')) {
      if (child.name === 'bonds') prefetch(ctx.loaders.bondsOfActor.load(actorBondsKey(id, child.args, bondEndsAsCards([child.node], info))));
      else if (child.name === 'operations' || child.name === 'participations') prefetch(ctx.loaders.participationsOfActor.load(id));
    }
    return actor;
  }

  @Query(() => ActorConnection, { description: 'Actors, filtered, searched or sorted, as a Relay connection (max 100 a page).' })
  actors(@Args(() => ActorsArgs) args: ActorsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return listActors(ctx, args, servedByCard(fieldsAt(info.fieldNodes, info.fragments, [['edges', 'node']])));
  }

  @FieldResolver(() => String, { nullable: true })
  email(@Root() actor: Actor, @Ctx() ctx: Context) {
    return can(ctx.principal, 'readPersonalData') ? actorField(actor, 'email', ctx) : null;
  }

  @FieldResolver(() => String, { nullable: true })
  phone(@Root() actor: Actor, @Ctx() ctx: Context) {
    return can(ctx.principal, 'readPersonalData') ? actorField(actor, 'phone', ctx) : null;
  }

  @FieldResolver(() => BondConnection, { description: "The actor's bonds, in either direction by default, as a connection." })
  bonds(@Root() actor: Actor, @Args(() => ActorBondsArgs) args: ActorBondsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.loaders.bondsOfActor.load(actorBondsKey(actor.id, args, bondEndsAsCards(info.fieldNodes, info)));
  }

  @FieldResolver(() => Int, { description: 'How many bonds the actor has (read from the stored degree when unfiltered).' })
  bondCount(
    @Root() actor: Actor,
    @Ctx() ctx: Context,
    @Arg('kinds', () => [BondKind], { nullable: true, description: 'Count only bonds of these kinds (default: every kind).' }) kinds?: BondKind[] | null,
    @Arg('direction', () => BondDirection, { defaultValue: BondDirection.BOTH, description: 'Bonds from the actor, to it, or both.' }) direction: BondDirection = BondDirection.BOTH,
  ) {
    return ctx.loaders.bondCount.load({ actorId: actor.id, kinds: kinds?.length ? kinds : null, direction });
  }

  @FieldResolver(() => [Participation], { description: "The actor's roles in operations." })
  participations(@Root() actor: Actor, @Ctx() ctx: Context) {
    return ctx.loaders.participationsOfActor.load(actor.id);
  }

  @FieldResolver(() => [Operation], { description: 'The operations the actor takes part in (any role), by code.' })
  async operations(@Root() actor: Actor, @Ctx() ctx: Context) {
    const parts = await ctx.loaders.participationsOfActor.load(actor.id);
    const ids = [...new Set(parts.map((p) => p.operationId))];
    return (await ctx.loaders.operation.loadMany(ids)).filter((o) => o && !(o instanceof Error));
  }

  @FieldResolver(() => [Common], { description: 'The commons this actor stewards.' })
  stewardOf(@Root() actor: Actor, @Ctx() ctx: Context) {
    return ctx.loaders.commonsStewardedBy.load(actor.id);
  }

  @FieldResolver(() => [Event], { description: 'The events (assises) the actor attended.' })
  events(@Root() actor: Actor, @Ctx() ctx: Context) {
    return ctx.loaders.eventsOfActor.load(actor.id);
  }

  @Mutation(() => Actor, { description: 'Creates an actor. Needs EDITOR or ADMIN (PARTNER: in its own source).' })
  createActor(@Arg('input', () => CreateActorInput, { description: 'The new actor\'s fields.' }) input: CreateActorInput, @Ctx() ctx: Context) {
    return createActor(ctx, input);
  }

  @Mutation(() => Actor, { description: 'Updates an actor. With `expectedVersion`, fails with CONFLICT when the actor changed meanwhile.' })
  updateActor(
    @Arg('id', () => ID, { description: 'The actor to change.' }) id: string,
    @Arg('input', () => UpdateActorInput, { description: 'The fields to change.' }) input: UpdateActorInput,
    @Ctx() ctx: Context,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version you read: the update fails with CONFLICT when the actor changed since.' }) expectedVersion?: number | null,
  ) {
    return updateActor(ctx, id, input, expectedVersion);
  }

  @Mutation(() => DeletePayload, { description: 'Deletes an actor with its bonds and participations.' })
  async deleteActor(@Arg('id', () => ID, { description: 'The actor to delete.' }) id: string, @Ctx() ctx: Context): Promise<DeletePayload> {
    const out = await deleteActor(ctx, id);
    return { deletedId: out.id, id: out.id, deleted: true, removedBonds: out.removedBonds, removedParticipations: out.removedParticipations };
  }
}

