import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime } from '../common/scalars';
import { Node } from '../node/node.type';

export enum WebhookState {
  ACTIVE = 'ACTIVE',
  RETRYING = 'RETRYING',
  PAUSED = 'PAUSED',
}
registerEnumType(WebhookState, {
  name: 'WebhookState',
  description: 'Where a webhook\'s delivery stands.',
  valuesConfig: {
    ACTIVE: { description: 'Delivering: the last attempt was acknowledged (or none was needed yet).' },
    RETRYING: { description: 'The last attempts failed; the next one is at `nextAttemptAt`, with the same events.' },
    PAUSED: { description: 'Paused after WEBHOOK_MAX_ATTEMPTS consecutive failures; `resumeWebhook` restarts it where it stopped.' },
  },
});

@ObjectType({ implements: Node, description: 'A subscriber URL to which the change feed is pushed, in feed order, signed (see the README, "Webhooks and subscriptions").' })
export class Webhook extends Node {
  @Field({ description: 'Where batches are POSTed.' })
  url!: string;
  @Field(() => String, { nullable: true, description: 'Only changes of this source; null: every source.' })
  source!: string | null;
  @Field(() => String, { nullable: true, description: 'HMAC-SHA256 key of the X-Agencement-Signature header. Shown once, in the answer of createWebhook; null on every later read.' })
  secret!: string | null;
  @Field({ description: 'False once paused (see `state`).' })
  active!: boolean;
  @Field(() => WebhookState, { description: 'Delivering, retrying, or paused.' })
  state!: WebhookState;
  @Field(() => String, { nullable: true, description: 'Sequence number (decimal) up to which the feed was acknowledged by the receiver, or skipped as not of its source; at creation, the position it starts after. Delivery continues after it.' })
  lastDeliveredSeq!: string | null;
  @Field(() => String, { nullable: true, description: 'The same position as a feed cursor (Query.changes `after`).' })
  lastDeliveredCursor!: string | null;
  @Field(() => Float, { description: 'Events acknowledged by the receiver so far.' })
  deliveredEvents!: number;
  @Field(() => Int, { description: 'Failed attempts in a row (0 after an acknowledged one).' })
  consecutiveFailures!: number;
  @Field(() => String, { nullable: true, description: 'Why the last failed attempt failed (HTTP status, timeout, connection error).' })
  lastError!: string | null;
  @Field(() => DateTime, { nullable: true, description: 'When the last attempt ended.' })
  lastAttemptAt!: Date | null;
  @Field(() => DateTime, { nullable: true, description: 'When a receiver last acknowledged a batch.' })
  lastSuccessAt!: Date | null;
  @Field(() => DateTime, { nullable: true, description: 'When the next attempt is due while RETRYING; null otherwise.' })
  nextAttemptAt!: Date | null;
  @Field(() => DateTime, { nullable: true, description: 'When it was paused; null unless PAUSED.' })
  pausedAt!: Date | null;
  @Field(() => DateTime, { description: 'When it was created.' })
  createdAt!: Date;
}
