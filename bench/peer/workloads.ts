/**
 * The four front-end workloads, written once against our schema and once against the peer's
 * generated schema, with the variables they rotate through and how to compare their answers.
 */
import { rng } from '../stack';
import { ROLES, SECTORS, type BenchGraph } from './data';

export type Server = 'ours' | 'peer';

export interface Workload {
  key: 'W1' | 'W2' | 'W3' | 'W4';
  title: string;
  query: Record<Server, string>;
  /** Variable sets, rotated across requests (the same i-th set for both servers). */
  variables: Record<Server, Record<string, unknown>>[];
  /** Canonical form of a response's `data`, for the equality check. */
  normalize: Record<Server, (data: any) => unknown>;
}

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

// --- W4: operation page ---------------------------------------------------------------------------

const W4_OURS = `query OperationPage($code: String!, $roles: [ParticipationRole!]) {
  operation(code: $code) {
    code name
    participations(first: 100, roles: $roles) { edges { node { id role since actor { id name sector } } } }
  }
}`;
const W4_PEER = `query OperationPage($code: String!, $roles: [String!]) {
  operations(where: { code: { eq: $code } }) {
    code name
    participantsConnection(first: 100, where: { edge: { role: { in: $roles } } }, sort: [{ edge: { id: ASC } }]) {
      edges { properties { id role since } node { id name sector } }
    }
  }
}`;
const ROLE_SETS: string[][] = [['PARTNER'], ['CONTRIBUTOR', 'BENEFICIARY'], ['PARTNER', 'FUNDER', 'CONTRIBUTOR'], ['EXPERT', 'CITIZEN', 'BENEFICIARY'], [...ROLES]];

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
      query: { ours: W1_OURS, peer: W1_PEER },
      variables: actorIds.map((id) => ({ ours: { id }, peer: { id } })),
      normalize: {
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
      },
    },
    {
      key: 'W2',
      title: 'list page (50 actors of one sector in one operation, by name, with bond counts)',
      query: { ours: W2_OURS, peer: W2_PEER },
      variables: opSector.map((v) => ({ ours: v, peer: v })),
      normalize: {
        ours: (d) => d.actors.edges.map(({ node: a }: any) => ({ id: a.id, name: a.name, sector: a.sector, territory: a.territory, bondCount: a.bondCount })),
        peer: (d) => d.actors.map((a: any) => ({ id: a.id, name: a.name, sector: a.sector, territory: a.territory, bondCount: a.bondsConnection.totalCount })),
      },
    },
    {
      key: 'W3',
      title: 'full-text search (20 best matches of a common word)',
      query: { ours: W3_OURS, peer: W3_PEER },
      variables: SEARCH_WORDS.map((w) => ({ ours: { q: w }, peer: { q: luceneOf(w) } })),
      // Ties in score may be cut differently at the 20th place: compared against the index's scores.
      normalize: {
        ours: (d) => d.actors.edges.map(({ node: a }: any) => ({ id: a.id, name: a.name, kind: a.kind, sector: a.sector })),
        peer: (d) => d.actorsSearch.edges.map(({ node: a }: any) => ({ id: a.id, name: a.name, kind: a.kind, sector: a.sector })),
      },
    },
    {
      key: 'W4',
      title: 'operation page (100 participants in some roles, with their sectors)',
      query: { ours: W4_OURS, peer: W4_PEER },
      variables: opRoles.map((v) => ({ ours: v, peer: v })),
      normalize: {
        ours: (d) => d.operation && { code: d.operation.code, name: d.operation.name, participants: d.operation.participations.edges.map(({ node: p }: any) => ({ id: p.id, role: p.role, since: p.since, actor: p.actor })) },
        peer: (d) =>
          d.operations[0] && {
            code: d.operations[0].code,
            name: d.operations[0].name,
            participants: d.operations[0].participantsConnection.edges.map((e: any) => ({ id: e.properties.id, role: e.properties.role, since: e.properties.since, actor: e.node })),
          },
      },
    },
  ];
}
