import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { DateTime } from '../common/scalars';
import { PageInfo } from '../common/pagination';

export enum ChangeOperation {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
}
registerEnumType(ChangeOperation, { name: 'ChangeOperation', description: 'What happened to the record.' });

@ObjectType({ description: 'One committed change to an actor, bond or participation. Deletes are tombstones (no payload).' })
export class Change {
  @Field(() => Float, { description: 'Position in the feed: strictly increasing in commit order, no gaps.' })
  seq!: number;
  @Field({ description: 'Pass as `after` (Query.changes, Subscription.changes, createWebhook) to resume right after this change.' })
  cursor!: string;
  @Field(() => DateTime, { description: 'When the change was committed.' })
  at!: Date;
  @Field({ description: '`Actor`, `Bond` or `Participation`.' })
  entity!: string;
  @Field(() => ID, { description: 'API id of the record.' })
  entityId!: string;
  @Field(() => ChangeOperation)
  op!: ChangeOperation;
  @Field(() => String, { nullable: true, description: 'Source of the record.' })
  source!: string | null;
  @Field(() => String, { nullable: true })
  externalId!: string | null;
  @Field(() => Int, { nullable: true, description: 'Version of the record after the change.' })
  version!: number | null;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The record after the change (public fields only: never email or phone). Null for deletes, and for every event of a deleted person (GDPR).' })
  payload!: Record<string, unknown> | null;
}

@ObjectType({ description: 'An edge of the change feed.' })
export class ChangeEdge {
  @Field({ description: 'Pass as `after` to resume right after this change.' })
  cursor!: string;
  @Field(() => Change)
  node!: Change;
}

@ObjectType({ description: 'A page of the change feed, oldest first.' })
export class ChangeConnection {
  @Field(() => [ChangeEdge])
  edges!: ChangeEdge[];
  @Field(() => PageInfo)
  pageInfo!: PageInfo;
  @Field(() => Float, { description: 'The last sequence number committed so far (the graph version).' })
  headSeq!: number;
}
