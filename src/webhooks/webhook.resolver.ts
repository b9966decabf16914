import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { DeletePayload } from '../common/delete.type';
import { Webhook } from './webhook.type';
import { createWebhook, deleteWebhook, listWebhooks, resumeWebhook, webhookById } from './webhook.service';

@Resolver(() => Webhook)
export class WebhookResolver {
  @Query(() => [Webhook], { description: 'Webhooks with their delivery state, oldest first: every one for EDITOR and ADMIN, its own source\'s for a PARTNER.' })
  webhooks(@Ctx() ctx: Context) {
    return listWebhooks(ctx);
  }

  @Query(() => Webhook, { description: 'One webhook with its delivery state (NOT_FOUND when there is none).' })
  webhook(@Arg('id', () => ID, { description: 'Id returned by createWebhook.' }) id: string, @Ctx() ctx: Context) {
    return webhookById(ctx, id, 'webhook');
  }

  @Mutation(() => Webhook, { description: 'Subscribes a URL to the change feed: batches of changes are POSTed to it in feed order, signed with the `secret` shown in this answer only. EDITOR and ADMIN may subscribe to any source; a PARTNER to its own.' })
  createWebhook(
    @Ctx() ctx: Context,
    @Arg('url', { description: 'http:// or https:// URL that receives the batches (hosts may be restricted by the operator: WEBHOOK_ALLOWED_HOSTS).' }) url: string,
    @Arg('source', () => String, { nullable: true, description: 'Only changes of this source; null: every source (a PARTNER key: its own source).' }) source?: string | null,
    @Arg('after', () => String, { nullable: true, description: 'Feed cursor to start after (e.g. an `endCursor` of Query.changes); default: the current head, so only new changes are pushed.' }) after?: string | null,
  ) {
    return createWebhook(ctx, url, source ?? null, after ?? null);
  }

  @Mutation(() => DeletePayload, { description: 'Deletes a webhook: nothing more is sent to it (a batch in flight is not acknowledged).' })
  deleteWebhook(@Arg('id', () => ID, { description: 'Id of the webhook.' }) id: string, @Ctx() ctx: Context) {
    return deleteWebhook(ctx, id);
  }

  @Mutation(() => Webhook, { description: 'Restarts a PAUSED (or RETRYING) webhook now, from its last acknowledged event.' })
  resumeWebhook(@Arg('id', () => ID, { description: 'Id of the webhook.' }) id: string, @Ctx() ctx: Context) {
    return resumeWebhook(ctx, id);
  }
}
