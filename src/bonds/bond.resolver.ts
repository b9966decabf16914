import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Actor } from '../actors/actor.type';
import { Bond, BondConnection, type BondRecord } from './bond.type';
import { BondsArgs, CreateBondInput, UpdateBondInput } from './bond.input';
import { createBond, deleteBond, listBonds, updateBond } from './bond.service';
import { DeletePayload } from '../common/delete.type';

/** An end of a bond: the card read with it or by the request's list page when there is one, else the full record from the loader. */
const end = (bond: BondRecord, id: string, ctx: Context) => (bond.endCard?.id === id ? bond.endCard : (ctx.loaders.actorCards.get(id) ?? ctx.loaders.actor.load(id)));

@Resolver(() => Bond)
export class BondResolver {
  @Query(() => Bond, { nullable: true, description: 'One bond by id; null when there is none.' })
  bond(@Arg('id', () => ID, { description: 'The bond\'s id (`bnd_…`).' }) id: string, @Ctx() ctx: Context) {
    return ctx.loaders.bond.load(id);
  }

  @Query(() => BondConnection, { description: 'Bonds, filtered, as a Relay connection (max 100 a page).' })
  bonds(@Args(() => BondsArgs) args: BondsArgs, @Ctx() ctx: Context) {
    return listBonds(ctx, args);
  }

  @FieldResolver(() => Actor, { description: 'The actor the tie starts from.' })
  from(@Root() bond: BondRecord, @Ctx() ctx: Context) {
    return end(bond, bond.fromId, ctx);
  }

  @FieldResolver(() => Actor, { description: 'The actor the tie goes to.' })
  to(@Root() bond: BondRecord, @Ctx() ctx: Context) {
    return end(bond, bond.toId, ctx);
  }

  @FieldResolver(() => Actor, { nullable: true, description: 'The end of the bond that is not `actor` (handy when listing an actor\'s bonds); null when `actor` is neither end.' })
  other(@Root() bond: BondRecord, @Arg('actor', () => ID, { description: 'One end of the bond: the other end is returned.' }) actor: string, @Ctx() ctx: Context) {
    if (actor === bond.fromId) return end(bond, bond.toId, ctx);
    if (actor === bond.toId) return end(bond, bond.fromId, ctx);
    return null;
  }

  @Mutation(() => Bond, { description: 'Creates a bond between two existing actors. Needs EDITOR or ADMIN (PARTNER: in its own source).' })
  createBond(@Arg('input', () => CreateBondInput, { description: 'The new bond\'s ends and fields.' }) input: CreateBondInput, @Ctx() ctx: Context) {
    return createBond(ctx, input);
  }

  @Mutation(() => Bond, { description: 'Updates a bond. With `expectedVersion`, fails with CONFLICT when the bond changed meanwhile.' })
  updateBond(
    @Arg('id', () => ID, { description: 'The bond to change.' }) id: string,
    @Arg('input', () => UpdateBondInput, { description: 'The fields to change.' }) input: UpdateBondInput,
    @Ctx() ctx: Context,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version you read: the update fails with CONFLICT when the bond changed since.' }) expectedVersion?: number | null,
  ) {
    return updateBond(ctx, id, input, expectedVersion);
  }

  @Mutation(() => DeletePayload, { description: 'Deletes a bond.' })
  async deleteBond(@Arg('id', () => ID, { description: 'The bond to delete.' }) id: string, @Ctx() ctx: Context): Promise<DeletePayload> {
    const out = await deleteBond(ctx, id);
    return { deletedId: out.id, id: out.id, deleted: true, removedBonds: 1, removedParticipations: 0 };
  }
}
