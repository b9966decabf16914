import { Arg, Root, Subscription, Resolver, type ResolverData } from 'type-graphql';
import type { Context } from '../context';
import { BadInputError } from '../errors';
import { Change } from './change.type';
import { decodeCursor, graphVersion, readableSource, readStream } from './change.service';
import type { FeedWatcher } from './feed.watcher';

/** What a live subscription needs besides the request context (set by src/subscriptions/). */
export interface LiveContext extends Context {
  live: {
    watcher: FeedWatcher;
    /** Resolves when the connection can take more (its send buffer drained). */
    writable(): Promise<void>;
  };
}

/** Changes read per query while catching up. */
const BATCH = 200;

/**
 * The feed after `afterSeq`, then live: reads in batches up to the head, then waits for the head
 * to move. Ending the iterator (client `complete`, disconnect) aborts the wait at once.
 */
export function liveChanges(ctx: LiveContext, afterSeq: number, source: string | null): AsyncIterableIterator<Change> {
  const abort = new AbortController();
  async function* run(): AsyncGenerator<Change> {
    let pos = afterSeq;
    while (!abort.signal.aborted) {
      const { position, changes } = await readStream(ctx.db, pos, source, BATCH);
      for (const c of changes) {
        await ctx.live.writable();
        if (abort.signal.aborted) return;
        yield c;
      }
      // Nothing new visible: wait for the head to move (or, when it already has, for one poll).
      if (position === pos) await ctx.live.watcher.waitPast(pos, abort.signal);
      pos = position;
    }
  }
  const gen = run();
  return {
    next: () => gen.next(),
    return: (value?: unknown) => {
      abort.abort();
      return gen.return(value as undefined);
    },
    throw: (err?: unknown) => {
      abort.abort();
      return gen.throw(err);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

async function subscribeChanges({ args, context }: ResolverData<LiveContext>): Promise<AsyncIterable<Change>> {
  const source = readableSource(context.principal, (args.source as string | null | undefined) ?? null, 'Subscription.changes');
  if (!context.live) throw new BadInputError('Subscription.changes is served over graphql-ws at /graphql only');
  const after = args.after as string | null | undefined;
  const afterSeq = after ? decodeCursor(after) : await graphVersion(context);
  return liveChanges(context, afterSeq, source);
}

@Resolver()
export class ChangeSubscriptionResolver {
  @Subscription(() => Change, {
    subscribe: subscribeChanges as never,
    description: 'The change feed pushed live over graphql-ws at /graphql: the changes after `after` (default: from now on), oldest first, then each new one as it commits. Same access as Query.changes; resume after a reconnect with the last `cursor` received.',
  })
  changes(
    @Root() change: Change,
    @Arg('after', () => String, { nullable: true, description: 'Feed cursor (a `cursor` or `endCursor`) to start after; default: the current head (only new changes).' }) _after?: string | null,
    @Arg('source', () => String, { nullable: true, description: 'Only changes of this source (a PARTNER key: its own).' }) _source?: string | null,
  ): Change {
    return change;
  }
}
