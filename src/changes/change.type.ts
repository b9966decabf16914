import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSONObject, GraphQLSafeInt } from 'graphql-scalars';
import { DateTime } from '../common/scalars';
import { PageInfo } from '../common/pagination';

export enum ChangeOperation {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
}
registerEnumType(ChangeOperation, {
  name: 'ChangeOperation',
  description: 'What happened to the record.',
  valuesConfig: {
    CREATE: { description: 'The record was created; `payload` is the new record.' },
    UPDATE: { description: 'The record changed; `payload` is the record after the change.' },
    DELETE: { description: 'The record was deleted: a tombstone, without payload.' },
  },
});

/** The entities the feed records (the values are the GraphQL type names). */
export enum ChangeEntity {
  Actor = 'Actor',
  Bond = 'Bond',
  Participation = 'Participation',
  Funding = 'Funding',
  IndicatorValue = 'IndicatorValue',
}
registerEnumType(ChangeEntity, {
  name: 'ChangeEntity',
  description: 'Which kind of record a change is about (its GraphQL type name).',
  valuesConfig: { Actor: { description: 'An actor.' }, Bond: { description: 'A bond between two actors.' }, Participation: { description: "An actor's role in an operation." }, Funding: { description: 'An amount an actor puts into an operation for a year.' }, IndicatorValue: { description: "One dated value of an operation's indicator." } },
});

@ObjectType({ description: 'One committed change to an actor, bond or participation. Deletes are tombstones (no payload).' })
export class Change {
  @Field(() => GraphQLSafeInt, { description: 'Position in the feed: strictly increasing in commit order, no gaps (an exact integer).' })
  seq!: number;
  @Field({ description: 'Pass as `after` (Query.changes, Subscription.changes, createWebhook) to resume right after this change.' })
  cursor!: string;
  @Field(() => DateTime, { description: 'When the change was committed.' })
  at!: Date;
  @Field(() => ChangeEntity, { description: 'Which kind of record changed.' })
  entity!: ChangeEntity;
  @Field(() => ID, { description: 'API id of the record.' })
  entityId!: string;
  @Field(() => ChangeOperation, { description: 'Created, updated or deleted.' })
  op!: ChangeOperation;
  @Field(() => String, { nullable: true, description: 'Source of the record.' })
  source!: string | null;
  @Field(() => String, { nullable: true, description: 'Key of the record in its source, when it has one.' })
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
  @Field(() => Change, { description: 'The change.' })
  node!: Change;
}

@ObjectType({ description: 'A page of the change feed, oldest first.' })
export class ChangeConnection {
  @Field(() => [ChangeEdge], { description: 'The changes of this page, oldest first.' })
  edges!: ChangeEdge[];
  @Field(() => PageInfo, { description: 'Where the page sits in the feed.' })
  pageInfo!: PageInfo;
  @Field(() => GraphQLSafeInt, { description: 'The last sequence number committed so far (the graph version; an exact integer).' })
  headSeq!: number;
}
