import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { ActorSyncInput, BondSyncInput, RemoveSyncedResult, SyncResult } from './sync.type';
import { removeSynced, syncActors, syncBonds } from './sync.service';

@Resolver()
export class SyncResolver {
  @Mutation(() => SyncResult, { description: "Idempotent bulk upsert of a source's actors keyed by externalId (max 5,000 a call, one transaction). PARTNER keys: their own source only." })
  syncActors(@Arg('source', () => String) source: string, @Arg('actors', () => [ActorSyncInput]) actors: ActorSyncInput[], @Ctx() ctx: Context) {
    return syncActors(ctx, source, actors);
  }

  @Mutation(() => SyncResult, { description: "Idempotent bulk upsert of a source's bonds keyed by externalId; endpoints by API id or by externalId in any source." })
  syncBonds(@Arg('source', () => String) source: string, @Arg('bonds', () => [BondSyncInput]) bonds: BondSyncInput[], @Ctx() ctx: Context) {
    return syncBonds(ctx, source, bonds);
  }

  @Mutation(() => RemoveSyncedResult, { description: "Deletes a source's actors (with their bonds) and bonds by externalId, in one transaction." })
  removeSynced(
    @Arg('source', () => String) source: string,
    @Ctx() ctx: Context,
    @Arg('actors', () => [String], { nullable: true, description: 'External ids of actors to delete.' }) actors?: string[] | null,
    @Arg('bonds', () => [String], { nullable: true, description: 'External ids of bonds to delete.' }) bonds?: string[] | null,
  ) {
    return removeSynced(ctx, source, actors ?? [], bonds ?? []);
  }
}
