import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { GraphQLError, getOperationAST, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { WebSocketServer, type WebSocket } from 'ws';
import { Gauge, type Registry } from 'prom-client';
import type { useServer as UseServer } from 'graphql-ws/dist/use/ws.cjs';
import type { Config } from '../config';
import { isProduction } from '../config';
import type { Database } from '../db/database';
import type { KeyResolver } from '../auth/key.service';
import type { Principal } from '../auth/roles';
import { AppError, BadInputError, QueryTooComplexError, formatError } from '../errors';
import type { Logger } from '../logger';
import { createLoaders } from '../loaders';
import { checkOperationLimits } from '../http/limits';
import { FeedWatcher } from '../changes/feed.watcher';
import type { LiveContext } from '../changes/change.subscription';
import type { Context } from '../context';

// graphql-ws publishes its ws adapter as a package subpath ("exports"), which this project's
// TypeScript resolution (moduleResolution "node") does not read; Node's require does.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { useServer } = require('graphql-ws/use/ws') as { useServer: typeof UseServer };

/** Send buffer above which a subscription waits before sending more (a slow client). */
const MAX_BUFFERED_BYTES = 1 << 20;

export interface SubscriptionServer {
  /** Open graphql-ws connections. */
  connections(): number;
  /** Closes every connection (1001 Going away) and the WebSocket server. */
  close(): Promise<void>;
}

type Extra = {
  socket: WebSocket;
  request: http.IncomingMessage;
  principal?: Principal;
};

/**
 * graphql-ws on the HTTP server's `/graphql` (the same path as POST): `subscription { changes }`
 * with the key sent in `connection_init` (`{ authorization: "Bearer KEY" }`). Bounded per key
 * (connections) and per connection (subscriptions); every operation passes the query limits.
 */
export function startSubscriptionServer(options: { server: http.Server; schema: GraphQLSchema; db: Database; config: Config; keys: KeyResolver; logger: Logger; registry?: Registry }): SubscriptionServer {
  const { server, schema, db, config, keys, logger } = options;
  const dev = !isProduction(config);
  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: config.MAX_BODY_BYTES });
  const watcher = new FeedWatcher(db, config.CHANGES_POLL_INTERVAL_MS);
  const perKey = new Map<string, number>();
  let open = 0;
  if (options.registry) new Gauge({ name: 'agencement_ws_connections', help: 'Open graphql-ws connections (live subscriptions) on this instance', registers: [options.registry], collect() { this.set(open); } });

  const format = (errors: readonly GraphQLError[]) => errors.map((e) => formatError(e.toJSON(), e, dev, (err) => logger.error({ err }, 'unexpected subscription error')));

  const disposable = useServer<Record<string, unknown>, Extra>(
    {
      schema,
      onConnect: async (ctx) => {
        const auth = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        let principal: Principal;
        try {
          principal = await keys.resolve(typeof auth === 'string' ? auth : undefined);
        } catch (err) {
          // 4401 (graphql-ws's Unauthorized) with the reason, instead of a bare 4403 Forbidden.
          const reason = err instanceof AppError ? err.message : 'The key could not be checked; retry in a few seconds';
          ctx.extra.socket.close(4401, reason.slice(0, 120));
          return false;
        }
        const bucket = principal.keyId ?? 'anonymous';
        const n = perKey.get(bucket) ?? 0;
        if (n >= config.WS_MAX_CONNECTIONS_PER_KEY) {
          ctx.extra.socket.close(4429, `Too many connections for this key: ${n} open, limit ${config.WS_MAX_CONNECTIONS_PER_KEY} (WS_MAX_CONNECTIONS_PER_KEY)`);
          return false;
        }
        perKey.set(bucket, n + 1);
        open++;
        ctx.extra.principal = principal;
        ctx.extra.socket.once('close', () => {
          const left = (perKey.get(bucket) ?? 1) - 1;
          if (left > 0) perKey.set(bucket, left);
          else perKey.delete(bucket);
          open--;
        });
        return true;
      },
      onSubscribe: async (ctx, _id, payload) => {
        if (Object.keys(ctx.subscriptions).length > config.WS_MAX_SUBSCRIPTIONS_PER_CONNECTION) {
          return [new QueryTooComplexError(`Too many subscriptions on this connection; the limit is ${config.WS_MAX_SUBSCRIPTIONS_PER_CONNECTION} (WS_MAX_SUBSCRIPTIONS_PER_CONNECTION): complete one first`, { limit: config.WS_MAX_SUBSCRIPTIONS_PER_CONNECTION })];
        }
        let document: DocumentNode;
        try {
          document = parse(payload.query);
        } catch (err) {
          return [err instanceof GraphQLError ? err : new GraphQLError(String(err))];
        }
        const invalid = validate(schema, document);
        if (invalid.length) return invalid;
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [new BadInputError('No operation to run: name one with `operationName`')];
        if (operation.operation !== 'subscription') return [new BadInputError(`Over WebSocket only subscriptions are served; send this ${operation.operation} with HTTP POST to /graphql`)];
        const variables = (payload.variables ?? {}) as Record<string, unknown>;
        try {
          checkOperationLimits(schema, document, operation, variables, config);
        } catch (err) {
          return [err as GraphQLError];
        }
        const requestId = randomUUID();
        const socket = ctx.extra.socket;
        const contextValue = { requestId, principal: ctx.extra.principal!, db: db.executor({ requestId, via: 'graphql-ws' }), config } as LiveContext;
        (contextValue as Context).loaders = createLoaders(contextValue);
        contextValue.live = {
          watcher,
          writable: async () => {
            while (socket.bufferedAmount > MAX_BUFFERED_BYTES && socket.readyState === socket.OPEN) await new Promise((r) => setTimeout(r, 20));
          },
        };
        logger.info({ requestId, operation: operation.name?.value ?? 'anonymous', role: contextValue.principal.role }, 'graphql subscription');
        return { schema, document, operationName: payload.operationName, variableValues: variables, contextValue };
      },
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: format(result.errors) } : undefined) as never,
      onError: (_ctx, _id, _payload, errors) => format(errors),
    },
    wss,
  );

  return {
    connections: () => open,
    close: async () => {
      watcher.close();
      await disposable.dispose();
    },
  };
}
