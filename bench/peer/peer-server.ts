/**
 * The benchmark peer: `@neo4j/graphql` 7 on Apollo Server 5 (same Express 5 integration and the
 * same driver settings as ours) over the same database. Prints `READY <url>`; SIGTERM stops it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import neo4j from 'neo4j-driver';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { PEER_FEATURES, PEER_TYPE_DEFS } from './typedefs';
import { serve } from './serve';

async function main(): Promise<() => Promise<void>> {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('NEO4J_URI is required');
  const driver = neo4j.driver(uri, neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? 'neo4j'), {
    maxConnectionPoolSize: 64,
    connectionAcquisitionTimeout: 5_000,
    connectionTimeout: 3_000,
    maxTransactionRetryTime: 15_000,
    userAgent: 'bench-peer/0.1',
    // As ours: no notifications asked for (the peer's queries raise none on the bench data, but the
    // option is one any of its users can set, so both drivers run alike).
    notificationFilter: { minimumSeverityLevel: 'OFF' },
  });
  const schema = await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver, features: PEER_FEATURES }).getSchema();
  const app = express();
  app.disable('x-powered-by');
  const server = http.createServer(app);
  const apollo = new ApolloServer({ schema, introspection: true, plugins: [ApolloServerPluginDrainHttpServer({ httpServer: server }), ApolloServerPluginLandingPageDisabled()] });
  await apollo.start();
  app.use('/graphql', express.json({ limit: 1_000_000 }), expressMiddleware(apollo, { context: async () => ({}) }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  process.stdout.write(`READY http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql\n`);
  return async () => {
    await apollo.stop().catch(() => undefined);
    await driver.close();
  };
}

serve(main);
