import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { entityInput } from '../model/entity';
import { ACTOR, type ActorValues } from '../actors/actor.model';
import { BOND, type BondValues } from '../bonds/bond.model';

export enum SyncStatus {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
}
registerEnumType(SyncStatus, {
  name: 'SyncStatus',
  description: 'What a sync did to one item.',
  valuesConfig: {
    CREATED: { description: 'A new record was created.' },
    UPDATED: { description: 'The stored record differed and was replaced (its version went up).' },
    UNCHANGED: { description: 'The stored record was equal: nothing was written.' },
  },
});

/** One actor of a partner's registry: its key, and the table's synced fields (actor.model.ts). */
export class ActorSyncInput {
  @Field({ description: 'Key in the partner system; unique within the source.' }) externalId!: string;
}
export interface ActorSyncInput extends Partial<Omit<ActorValues, 'externalId'>> {}
entityInput(ActorSyncInput, ACTOR, 'sync', 'ActorSyncInput', "One actor of a partner's registry. The record replaces the stored one: omitted optional fields are cleared.");

@InputType({ description: 'Names an actor: by API `id`, or by `externalId` in `source` (the sync\'s own source when omitted).' })
export class ActorRef {
  @Field(() => ID, { nullable: true, description: 'The actor\'s API id.' }) id?: string | null;
  @Field(() => String, { nullable: true, description: 'The actor\'s key in `source`.' }) externalId?: string | null;
  @Field(() => String, { nullable: true, description: 'The source `externalId` belongs to; default: the sync\'s own source.' }) source?: string | null;
}

/** One bond of a partner's registry: its key, its ends, and the table's synced fields (bond.model.ts). */
export class BondSyncInput {
  @Field({ description: 'Key in the partner system; unique within the source.' }) externalId!: string;
  @Field(() => ActorRef, { description: 'The actor at the start of the tie.' }) from!: ActorRef;
  @Field(() => ActorRef, { description: 'The actor at the end of the tie.' }) to!: ActorRef;
}
export interface BondSyncInput extends Partial<Omit<BondValues, 'externalId' | 'fromId' | 'toId'>> {}
entityInput(BondSyncInput, BOND, 'sync', 'BondSyncInput', "One bond of a partner's registry, keyed by externalId. The record replaces the stored one: omitted optional fields are cleared.");

@ObjectType({ description: 'What a sync did to one item, in input order.' })
export class SyncItem {
  @Field({ description: 'The item\'s key, as sent.' }) externalId!: string;
  @Field(() => ID, { description: 'The API id of the record the item created, updated or left unchanged (would have, in a dry run).' }) entityId!: string;
  @Field(() => ID, { deprecationReason: 'Use `entityId`: a non-Node type carrying `id` is merged by Relay-style caches with the entity of that id.', description: 'Same as `entityId`.' }) id!: string;
  @Field(() => SyncStatus, { description: 'What the sync did (or, in a dry run, would do) to the item.' }) status!: SyncStatus;
}

@ObjectType({ description: 'Outcome of an idempotent bulk sync (one transaction: all items or none).' })
export class SyncResult {
  @Field(() => Int, { description: 'Items created.' }) created!: number;
  @Field(() => Int, { description: 'Items whose stored record changed.' }) updated!: number;
  @Field(() => Int, { description: 'Items equal to the stored record (nothing written).' }) unchanged!: number;
  @Field(() => Boolean, { description: 'True when nothing was written: the counts say what the same call would do.' }) dryRun!: boolean;
  @Field(() => [SyncItem], { description: 'One entry per item, in input order.' }) items!: SyncItem[];
}

@ObjectType({ description: 'Outcome of removing synced records.' })
export class RemoveSyncedResult {
  @Field(() => Int, { description: 'Actors deleted (with their bonds and participations).' }) removedActors!: number;
  @Field(() => Int, { description: 'Bonds deleted, including those of deleted actors.' }) removedBonds!: number;
  @Field(() => [String], { description: 'External ids that matched nothing in the source.' }) notFound!: string[];
}
