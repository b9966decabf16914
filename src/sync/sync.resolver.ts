import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { ActorSyncInput, BondSyncInput, RemoveSyncedResult, SyncResult } from './sync.type';
import { removeSynced, syncActors, syncBonds } from './sync.service';

@Resolver()
export class SyncResolver {
  @Mutation(() => SyncResult, { description: "Idempotent bulk upsert of a source's actors keyed by externalId (max 5,000 a call, one transaction). PARTNER keys: their own source only." })
  syncActors(
    @Arg('source', () => String, { description: 'The system of record the actors belong to (a PARTNER key: its own).' }) source: string,
    @Arg('actors', () => [ActorSyncInput], { description: 'The actors, each keyed by its externalId in `source`.' }) actors: ActorSyncInput[],
    @Ctx() ctx: Context,
    @Arg('dryRun', () => Boolean, { defaultValue: false, description: 'Validate and report what each item would become (CREATED, UPDATED, UNCHANGED), writing nothing, not even to the change feed.' }) dryRun = false,
  ) {
    return syncActors(ctx, source, actors, dryRun);
  }

  @Mutation(() => SyncResult, { description: "Idempotent bulk upsert of a source's bonds keyed by externalId; endpoints by API id or by externalId in any source." })
  syncBonds(
    @Arg('source', () => String, { description: 'The system of record the bonds belong to (a PARTNER key: its own).' }) source: string,
    @Arg('bonds', () => [BondSyncInput], { description: 'The bonds, each keyed by its externalId in `source`.' }) bonds: BondSyncInput[],
    @Ctx() ctx: Context,
    @Arg('dryRun', () => Boolean, { defaultValue: false, description: 'Validate and report what each item would become, writing nothing, not even to the change feed.' }) dryRun = false,
  ) {
    return syncBonds(ctx, source, bonds, dryRun);
  }

  @Mutation(() => RemoveSyncedResult, { description: "Deletes a source's actors (with their bonds) and bonds by externalId, in one transaction." })
  removeSynced(
    @Arg('source', () => String, { description: 'The system of record the records belong to (a PARTNER key: its own).' }) source: string,
    @Ctx() ctx: Context,
    @Arg('actors', () => [String], { nullable: true, description: 'External ids of actors to delete.' }) actors?: string[] | null,
    @Arg('bonds', () => [String], { nullable: true, description: 'External ids of bonds to delete.' }) bonds?: string[] | null,
  ) {
    return removeSynced(ctx, source, actors ?? [], bonds ?? []);
  }
}
