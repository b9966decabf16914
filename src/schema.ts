import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { ActorResolver } from './actors/actor.resolver';
import { BondResolver } from './bonds/bond.resolver';
import { OperationResolver } from './operations/operation.resolver';
import { IndicatorResolver } from './operations/indicator.resolver';
import { CommonResolver } from './commons/common.resolver';
import { ParticipationResolver } from './participations/participation.resolver';
import { EventResolver } from './events/event.resolver';
import { NodeResolver } from './node/node.resolver';
import { SyncResolver } from './sync/sync.resolver';
import { ChangeResolver } from './changes/change.resolver';
import { AnalyticsResolver } from './analytics/analytics.resolver';
import { ChangeSubscriptionResolver } from './changes/change.subscription';
import { WebhookResolver } from './webhooks/webhook.resolver';
import { DateTime } from './common/scalars';
import { FundingResolver, IndicatorSeriesResolver, OperationFundingResolver } from './funding/funding.resolver';
import { EvaluationResolver } from './evaluation/evaluation.resolver';
import { validateArgs } from './common/validation';

export const RESOLVERS = [
  NodeResolver,
  ActorResolver,
  BondResolver,
  ParticipationResolver,
  OperationResolver,
  IndicatorResolver,
  CommonResolver,
  EventResolver,
  SyncResolver,
  ChangeResolver,
  AnalyticsResolver,
  ChangeSubscriptionResolver,
  WebhookResolver,
  FundingResolver,
  OperationFundingResolver,
  IndicatorSeriesResolver,
  EvaluationResolver,
] as const;

let built: Promise<GraphQLSchema> | null = null;

/** The executable schema (built once per process: type-graphql's metadata is global). */
export function createSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [...RESOLVERS],
    scalarsMap: [{ type: Date, scalar: DateTime }],
    validateFn: validateArgs,
    // type-graphql asks for a PubSub whenever there is a @Subscription; ours bring their own
    // `subscribe` (the change feed, read from Neo4j), so topics are never used.
    pubSub: {
      publish: () => undefined,
      subscribe: () => {
        throw new Error('no PubSub topics: subscriptions define `subscribe`');
      },
    },
  }).then(describeRoots);
  return built;
}

/** type-graphql has no option for the root types' descriptions: they are set on the built schema. */
function describeRoots(schema: GraphQLSchema): GraphQLSchema {
  const roots = { Query: 'Reads: entities by id, Relay connections, and the analytics of a scope.', Mutation: 'Writes: actors, bonds and participations, partner syncs.', Subscription: 'Live streams over graphql-ws at /graphql.' };
  for (const type of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (type && !type.description) type.description = roots[type.name as keyof typeof roots] ?? null;
  }
  return schema;
}
