import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Actor } from '../actors/actor.type';
import { Operation } from '../operations/operation.type';
import { Participation, type ParticipationRecord } from './participation.type';
import { CreateParticipationInput } from './participation.input';
import { createParticipation, deleteParticipation } from './participation.service';
import { DeletePayload } from '../common/delete.type';

@Resolver(() => Participation)
export class ParticipationResolver {
  @FieldResolver(() => Actor, { description: 'The participating actor.' })
  actor(@Root() p: ParticipationRecord, @Ctx() ctx: Context) {
    return p.actorCard ?? ctx.loaders.actor.load(p.actorId);
  }

  @FieldResolver(() => Operation, { description: 'The operation taken part in.' })
  operation(@Root() p: ParticipationRecord, @Ctx() ctx: Context) {
    return ctx.loaders.operation.load(p.operationId);
  }

  @Mutation(() => Participation, { description: 'An actor joins an operation in a role. Needs EDITOR or ADMIN (PARTNER: for its own actors).' })
  createParticipation(@Arg('input', () => CreateParticipationInput, { description: 'The actor, the operation and the role.' }) input: CreateParticipationInput, @Ctx() ctx: Context) {
    return createParticipation(ctx, input);
  }

  @Mutation(() => DeletePayload, { description: 'Removes a participation.' })
  async deleteParticipation(@Arg('id', () => ID, { description: 'The participation to remove.' }) id: string, @Ctx() ctx: Context): Promise<DeletePayload> {
    await deleteParticipation(ctx, id);
    return { deletedId: id, id, deleted: true, removedBonds: 0, removedParticipations: 1 };
  }
}
