import { Field, ID, InputType, Int, ObjectType, registerEnumType, Float } from 'type-graphql';
import { ActorKind, BondKind, Sector } from '../common/enums';
import { DateScalar } from '../common/scalars';

export enum SyncStatus {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
}
registerEnumType(SyncStatus, { name: 'SyncStatus', description: 'What a sync did to one item.' });

@InputType({ description: "One actor of a partner's registry. The record replaces the stored one: omitted optional fields are cleared." })
export class ActorSyncInput {
  @Field({ description: 'Key in the partner system; unique within the source.' }) externalId!: string;
  @Field() name!: string;
  @Field(() => ActorKind) kind!: ActorKind;
  @Field(() => Sector) sector!: Sector;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true }) territory?: string | null;
  @Field(() => [String], { nullable: true }) tags?: string[] | null;
  @Field(() => String, { nullable: true, description: 'Personal data (persons only).' }) email?: string | null;
  @Field(() => String, { nullable: true, description: 'Personal data (persons only).' }) phone?: string | null;
}

@InputType({ description: 'Names an actor: by API `id`, or by `externalId` in `source` (the sync\'s own source when omitted).' })
export class ActorRef {
  @Field(() => ID, { nullable: true }) id?: string | null;
  @Field(() => String, { nullable: true }) externalId?: string | null;
  @Field(() => String, { nullable: true }) source?: string | null;
}

@InputType({ description: "One bond of a partner's registry, keyed by externalId." })
export class BondSyncInput {
  @Field() externalId!: string;
  @Field(() => BondKind) kind!: BondKind;
  @Field(() => ActorRef) from!: ActorRef;
  @Field(() => ActorRef) to!: ActorRef;
  @Field(() => Boolean, { nullable: true }) directed?: boolean | null;
  @Field(() => Float, { nullable: true }) weight?: number | null;
  @Field(() => DateScalar, { nullable: true }) since?: Date | null;
  @Field(() => DateScalar, { nullable: true }) until?: Date | null;
  @Field(() => String, { nullable: true }) description?: string | null;
}

@ObjectType({ description: 'What a sync did to one item, in input order.' })
export class SyncItem {
  @Field() externalId!: string;
  @Field(() => ID) id!: string;
  @Field(() => SyncStatus) status!: SyncStatus;
}

@ObjectType({ description: 'Outcome of an idempotent bulk sync (one transaction: all items or none).' })
export class SyncResult {
  @Field(() => Int) created!: number;
  @Field(() => Int) updated!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => [SyncItem]) items!: SyncItem[];
}

@ObjectType({ description: 'Outcome of removing synced records.' })
export class RemoveSyncedResult {
  @Field(() => Int, { description: 'Actors deleted (with their bonds and participations).' }) removedActors!: number;
  @Field(() => Int, { description: 'Bonds deleted, including those of deleted actors.' }) removedBonds!: number;
  @Field(() => [String], { description: 'External ids that matched nothing in the source.' }) notFound!: string[];
}
