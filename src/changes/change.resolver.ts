import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { ChangeConnection } from './change.type';
import { readChanges } from './change.service';

@Resolver()
export class ChangeResolver {
  @Query(() => ChangeConnection, { description: 'The change feed (creates, updates, deletes of actors, bonds, participations), oldest first. Read it from the start to rebuild the data; resume with the last `endCursor`. Needs EDITOR, ANALYST, ADMIN or PARTNER (own source only).' })
  changes(
    @Ctx() ctx: Context,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last change you have (an edge `cursor`, `endCursor` or `Change.cursor`); omitted: from the start.' }) after?: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'Default 100, max 1,000.' }) first?: number | null,
    @Arg('source', () => String, { nullable: true, description: 'Only changes of this source.' }) source?: string | null,
  ) {
    return readChanges(ctx, after, first, source);
  }
}
