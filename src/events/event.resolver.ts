import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { toEvent } from '../common/records';
import { Actor } from '../actors/actor.type';
import { Event, type EventRecord } from './event.type';

@Resolver(() => Event)
export class EventResolver {
  @Query(() => [Event], { description: 'Program events (the annual assises), by date.' })
  async events(@Ctx() ctx: Context) {
    const rows = await ctx.db.read('events/all');
    return rows.map((r) => toEvent(r.event));
  }

  @FieldResolver(() => [Actor], { description: 'Who attended, by name.' })
  attendees(@Root() e: EventRecord, @Ctx() ctx: Context) {
    return ctx.loaders.attendeesOfEvent.load(e.id);
  }
}
