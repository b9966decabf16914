/**
 * The five front-end page views, written once against our schema and once against the peer's
 * generated schema (the floor server answers our documents by their operation name with one
 * hand-written Cypher query each), with the variables they rotate through and how to compare
 * their answers.
 */
import { rng } from '../stack';
import { ROLES, SECTORS, type BenchGraph } from './data';

export type Server = 'ours' | 'peer' | 'floor';

export interface Workload {
  key: 'W1' | 'W2' | 'W3' | 'W4' | 'W5';
  title: string;
  query: Record<Server, string>;
  /** Variable sets, rotated across requests (the same i-th set for both servers). */
  variables: Record<Server, Record<string, unknown>>[];
  /** Canonical form of a response's `data`, for the equality check. */
  normalize: Record<Server, (data: any) => unknown>;
  /** A view that pages: the variables of the next page after an answer (null when it was the last). */
  next?: Partial<Record<Server, (data: any) => Record<string, unknown> | null>>;
  /** A paged view's answers as one `data`, for the check. */
  merge?: Partial<Record<Server, (pages: any[]) => any>>;
}

/** The largest page our API serves for an operation's participations (MAX_MEMBER_PAGE_SIZE's default). */
export const MEMBER_PAGE = 2000;

// --- W1: actor page -----------------------------------------------------------------------------

const W1_OURS = `query ActorPage($id: ID!) {
  actor(id: $id) {
    id name kind sector description tags
    bonds(first: 20) { edges { node { id kind since weight other(actor: $id) { id name sector } } } }
    operations { code name commons { code name } }
  }
}`;
const W1_PEER = `query ActorPage($id: ID!) {
  actors(where: { id: { eq: $id } }) {
    id name kind sector description tags
    bondsConnection(first: 20, sort: [{ edge: { id: ASC } }]) { edges { properties { id kind since weight } node { id name sector } } }
    operations(sort: [{ code: ASC }]) { code name commons(sort: [{ code: ASC }]) { code name } }
  }
}`;

const byKey = <T>(key: (x: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
const opsOf = (ops: any[]) =>
  ops
    .map((o) => ({ code: o.code, name: o.name, commons: [...o.commons].map((c: any) => ({ code: c.code, name: c.name })).sort(byKey((c: any) => c.code)) }))
    .sort(byKey((o) => o.code));
const actorHead = (a: any) => ({ id: a.id, name: a.name, kind: a.kind, sector: a.sector, description: a.description, tags: [...(a.tags ?? [])].sort() });

// --- W2: filtered list page -----------------------------------------------------------------------

const W2_OURS = `query ListPage($op: ID!, $sector: Sector!) {
  actors(filter: { operation: $op, sectors: [$sector] }, orderBy: { field: NAME, direction: ASC }, first: 50) {
    edges { node { id name sector territory bondCount } }
  }
}`;
const W2_PEER = `query ListPage($op: ID!, $sector: String!) {
  actors(where: { sector: { eq: $sector }, operations: { some: { id: { eq: $op } } } }, sort: [{ nameKey: ASC }, { id: ASC }], limit: 50) {
    id name sector territory bondsConnection { totalCount }
  }
}`;

// --- W3: full-text search -------------------------------------------------------------------------

const W3_OURS = `query Search($q: String!) {
  actors(search: $q, first: 20) { edges { node { id name kind sector } } }
}`;
const W3_PEER = `query Search($q: String!) {
  actorsSearch(phrase: $q, first: 20, sort: [{ score: DESC }]) { edges { score node { id name kind sector } } }
}`;
/** Common words of the generated names and descriptions (accents left out, as users type). */
export const SEARCH_WORDS = [
  'foret', 'eau', 'energie', 'sante', 'logement', 'cooperative', 'association', 'culture', 'agricole', 'solidaire',
  'commune', 'laboratoire', 'collectif', 'territoire', 'bois', 'diabete', 'renovation', 'alimentation', 'lens', 'arras',
];
/** The Lucene query our API builds from a search word (see toLuceneQuery): the peer gets the same. */
export const luceneOf = (word: string): string => (word.length >= 3 ? `+(${word} OR ${word}*)` : `+${word}`);

// --- W4: operation page, all of its participants ---------------------------------------------------

const W4_OURS = `query OperationPage($code: String!, $after: String) {
  operation(code: $code) {
    code name
    participations(first: ${MEMBER_PAGE}, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id role since actor { id name sector } } } }
  }
}`;
const W4_PEER = `query OperationPage($code: String!) {
  operations(where: { code: { eq: $code } }) {
    code name
    participantsConnection(sort: [{ edge: { id: ASC } }]) { edges { properties { id role since } node { id name sector } } }
  }
}`;

// --- W5: operation page, 100 participants in some roles --------------------------------------------

const W5_OURS = `query OperationRoles($code: String!, $roles: [ParticipationRole!]) {
  operation(code: $code) {
    code name
    participations(first: 100, roles: $roles) { edges { node { id role since actor { id name sector } } } }
  }
}`;
const W5_PEER = `query OperationRoles($code: String!, $roles: [String!]) {
  operations(where: { code: { eq: $code } }) {
    code name
    participantsConnection(first: 100, where: { edge: { role: { in: $roles } } }, sort: [{ edge: { id: ASC } }]) {
      edges { properties { id role since } node { id name sector } }
    }
  }
}`;
const ROLE_SETS: string[][] = [['PARTNER'], ['CONTRIBUTOR', 'BENEFICIARY'], ['PARTNER', 'FUNDER', 'CONTRIBUTOR'], ['EXPERT', 'CITIZEN', 'BENEFICIARY'], [...ROLES]];

/** The floor answers in our schema's shape: its answers are read as ours. */
const withFloor = (n: Omit<Record<Server, (data: any) => unknown>, 'floor'>): Record<Server, (data: any) => unknown> => ({ ...n, floor: n.ours });

const operationOf = {
  ours: (d: any) => d.operation && { code: d.operation.code, name: d.operation.name, participants: d.operation.participations.edges.map(({ node: p }: any) => ({ id: p.id, role: p.role, since: p.since, actor: p.actor })) },
  peer: (d: any) =>
    d.operations[0] && {
      code: d.operations[0].code,
      name: d.operations[0].name,
      participants: d.operations[0].participantsConnection.edges.map((e: any) => ({ id: e.properties.id, role: e.properties.role, since: e.properties.since, actor: e.node })),
    },
};

export function buildWorkloads(g: BenchGraph): Workload[] {
  const rand = rng(7);
  const withBonds = g.actors.filter((_, i) => g.degree[i] > 0);
  const actorIds = Array.from({ length: 500 }, () => withBonds[Math.floor(rand() * withBonds.length)].id);
  const opSector: { op: string; sector: string }[] = [];
  for (const o of g.operations) for (const s of SECTORS) opSector.push({ op: o.id, sector: s });
  for (let i = opSector.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [opSector[i], opSector[j]] = [opSector[j], opSector[i]];
  }
  const opRoles: { code: string; roles: string[] }[] = [];
  for (const o of g.operations) for (const roles of ROLE_SETS) opRoles.push({ code: o.code, roles });

  return [
    {
      key: 'W1',
      title: 'actor page (actor, 20 bonds with the other end, operations and their commons)',
      query: { ours: W1_OURS, peer: W1_PEER, floor: W1_OURS },
      variables: actorIds.map((id) => ({ ours: { id }, peer: { id }, floor: { id } })),
      normalize: withFloor({
        ours: (d) =>
          d.actor && {
            ...actorHead(d.actor),
            bonds: d.actor.bonds.edges.map(({ node: b }: any) => ({ id: b.id, kind: b.kind, since: b.since, weight: b.weight, other: b.other })),
            operations: opsOf(d.actor.operations),
          },
        peer: (d) =>
          d.actors[0] && {
            ...actorHead(d.actors[0]),
            bonds: d.actors[0].bondsConnection.edges.map((e: any) => ({ id: e.properties.id, kind: e.properties.kind, since: e.properties.since, weight: e.properties.weight, other: e.node })),
            operations: opsOf(d.actors[0].operations),
          },
      }),
    },
    {
      key: 'W2',
      title: 'list page (50 actors of one sector in one operation, by name, with bond counts)',
      query: { ours: W2_OURS, peer: W2_PEER, floor: W2_OURS },
      variables: opSector.map((v) => ({ ours: v, peer: v, floor: v })),
      normalize: withFloor({
        ours: (d) => d.actors.edges.map(({ node: a }: any) => ({ id: a.id, name: a.name, sector: a.sector, territory: a.territory, bondCount: a.bondCount })),
        peer: (d) => d.actors.map((a: any) => ({ id: a.id, name: a.name, sector: a.sector, territory: a.territory, bondCount: a.bondsConnection.totalCount })),
      }),
    },
    {
      key: 'W3',
      title: 'full-text search (20 best matches of a common word)',
      query: { ours: W3_OURS, peer: W3_PEER, floor: W3_OURS },
      variables: SEARCH_WORDS.map((w) => ({ ours: { q: w }, peer: { q: luceneOf(w) }, floor: { q: w } })),
      // Ties in score may be cut differently at the 20th place: compared against the index's scores.
      normalize: withFloor({
        ours: (d) => d.actors.edges.map(({ node: a }: any) => ({ id: a.id, name: a.name, kind: a.kind, sector: a.sector })),
        peer: (d) => d.actorsSearch.edges.map(({ node: a }: any) => ({ id: a.id, name: a.name, kind: a.kind, sector: a.sector })),
      }),
    },
    {
      key: 'W4',
      title: 'operation page (all of its participants with their roles and sectors)',
      query: { ours: W4_OURS, peer: W4_PEER, floor: W4_OURS },
      variables: g.operations.map((o) => ({ ours: { code: o.code }, peer: { code: o.code }, floor: { code: o.code } })),
      normalize: withFloor(operationOf),
      next: {
        ours: (d) => (d.operation?.participations.pageInfo.hasNextPage ? { after: d.operation.participations.pageInfo.endCursor } : null),
      },
      merge: {
        ours: (pages) => ({ operation: pages[0].operation && { ...pages[0].operation, participations: { edges: pages.flatMap((p) => p.operation.participations.edges) } } }),
      },
    },
    {
      key: 'W5',
      title: 'operation page (100 participants in some roles, with their sectors)',
      query: { ours: W5_OURS, peer: W5_PEER, floor: W5_OURS },
      variables: opRoles.map((v) => ({ ours: v, peer: v, floor: v })),
      normalize: withFloor(operationOf),
    },
  ];
}
