/**
 * The benchmark floor: what a hand-written server does on the same Neo4j with no GraphQL at all.
 * A plain `node:http` server that reads the same JSON body the GraphQL servers get, picks the page
 * view by its operation name, runs ONE hand-written Cypher query for it (parameterized, read
 * transaction, the same driver settings as ours) and writes the answer in our schema's shape (so the
 * bench checks it against ours with the same normalizer). No parsing of the query text, no
 * validation, no resolvers, no loaders: the least work a server can do to answer these views.
 * Prints `READY <url>`; SIGTERM stops it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import neo4j, { type Driver } from 'neo4j-driver';
import { toLuceneQuery } from '../../src/actors/search';
import { serve } from './serve';

/** One query per view; each returns exactly one row, `data`, already in the response's shape. */
const QUERIES: Record<string, { cypher: string; params: (v: any) => Record<string, unknown> }> = {
  // W1: the actor, its first 20 bonds (by id) with the other end, its operations and their commons.
  ActorPage: {
    cypher: `
      MATCH (a:Actor {id: $id})
      CALL (a) {
        MATCH (a)-[b:BOND]-(o)
        WITH b, o ORDER BY b.id LIMIT 20
        RETURN collect({node: {id: b.id, kind: b.kind, since: toString(b.since), weight: b.weight, other: {id: o.id, name: o.name, sector: o.sector}}}) AS edges
      }
      CALL (a) {
        OPTIONAL MATCH (a)-[:PARTICIPATES_IN]->(op:Operation)
        WITH DISTINCT op ORDER BY op.code
        RETURN collect({code: op.code, name: op.name, commons: [(op)-[:SERVES]->(c:Common) | {code: c.code, name: c.name}]}) AS operations
      }
      RETURN {actor: {id: a.id, name: a.name, kind: a.kind, sector: a.sector, description: a.description, tags: a.tags,
                      bonds: {edges: edges}, operations: operations}} AS data`,
    params: (v) => ({ id: v.id }),
  },
  // W2: 50 actors of a sector in an operation, in French name order, with their bond counts.
  ListPage: {
    cypher: `
      MATCH (:Operation {id: $op})<-[:PARTICIPATES_IN]-(a)
      WITH DISTINCT a WHERE a.sector = $sector
      WITH a ORDER BY a._nameKey, a.id LIMIT 50
      WITH collect({node: {id: a.id, name: a.name, sector: a.sector, territory: a.territory, bondCount: COUNT { (a)-[:BOND]-() }}}) AS edges
      RETURN {actors: {edges: edges}} AS data`,
    params: (v) => ({ op: v.op, sector: v.sector }),
  },
  // W3: the 20 best full-text matches (score, then id).
  Search: {
    cypher: `
      CALL db.index.fulltext.queryNodes('actor_search', $q) YIELD node AS a, score
      WITH a, score ORDER BY score DESC, a.id ASC LIMIT 20
      WITH collect({node: {id: a.id, name: a.name, kind: a.kind, sector: a.sector}}) AS edges
      RETURN {actors: {edges: edges}} AS data`,
    params: (v) => ({ q: toLuceneQuery(String(v.q)) }),
  },
  // W4: an operation with all its participants (by participation id).
  OperationPage: {
    cypher: `
      MATCH (o:Operation {code: $code})
      CALL (o) {
        MATCH (a)-[p:PARTICIPATES_IN]->(o)
        WITH p, a ORDER BY p.id
        RETURN collect({node: {id: p.id, role: p.role, since: toString(p.since), actor: {id: a.id, name: a.name, sector: a.sector}}}) AS edges
      }
      RETURN {operation: {code: o.code, name: o.name, participations: {edges: edges, pageInfo: {hasNextPage: false, endCursor: null}}}} AS data`,
    params: (v) => ({ code: v.code }),
  },
  // W5: an operation with its first 100 participants in some roles.
  OperationRoles: {
    cypher: `
      MATCH (o:Operation {code: $code})
      CALL (o) {
        MATCH (a)-[p:PARTICIPATES_IN]->(o) WHERE p.role IN $roles
        WITH p, a ORDER BY p.id LIMIT 100
        RETURN collect({node: {id: p.id, role: p.role, since: toString(p.since), actor: {id: a.id, name: a.name, sector: a.sector}}}) AS edges
      }
      RETURN {operation: {code: o.code, name: o.name, participations: {edges: edges}}} AS data`,
    params: (v) => ({ code: v.code, roles: v.roles }),
  },
};

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function answer(driver: Driver, body: string): Promise<{ status: number; json: string }> {
  let req: { query?: string; operationName?: string; variables?: Record<string, unknown> };
  try {
    req = JSON.parse(body);
  } catch {
    return { status: 400, json: '{"errors":[{"message":"body is not JSON"}]}' };
  }
  // The view is named by the operation (as a persisted-query server would): `query ActorPage(...)`.
  const name = req.operationName ?? /^\s*query\s+(\w+)/.exec(req.query ?? '')?.[1];
  const q = name ? QUERIES[name] : undefined;
  if (!q) return { status: 400, json: JSON.stringify({ errors: [{ message: `unknown view ${name}` }] }) };
  const res = await driver.executeQuery(q.cypher, q.params(req.variables ?? {}), { routing: 'READ', bookmarkManager: null });
  return { status: 200, json: JSON.stringify({ data: res.records[0]?.get('data') ?? null }) };
}

async function main(): Promise<() => Promise<void>> {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('NEO4J_URI is required');
  const driver = neo4j.driver(uri, neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? 'neo4j'), {
    maxConnectionPoolSize: 64,
    connectionAcquisitionTimeout: 5_000,
    connectionTimeout: 3_000,
    disableLosslessIntegers: true,
    userAgent: 'bench-floor/0.1',
    notificationFilter: { minimumSeverityLevel: 'OFF' },
  });
  const server = http.createServer((req, res) => {
    if (req.method !== 'POST') {
      res.writeHead(405).end();
      return;
    }
    readBody(req)
      .then((body) => answer(driver, body))
      .then(
        ({ status, json }) => res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) }).end(json),
        (err) => {
          const json = JSON.stringify({ errors: [{ message: String(err?.message ?? err) }] });
          res.writeHead(500, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) }).end(json);
        },
      );
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  process.stdout.write(`READY http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql\n`);
  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await driver.close();
  };
}

serve(main);
