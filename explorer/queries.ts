/**
 * Every GraphQL document the page sends, with the shapes it reads back. The page uses only the
 * public API: what a front-end team would write against `schema/schema.graphql`.
 */
export interface NetworkScope {
  operation?: string;
  common?: string;
  source?: string;
  tags?: string[];
  sectors?: string[];
  bondKinds?: string[];
  asOf?: string;
}

/** One page of a Relay connection, flattened. */
export interface GraphQLPage<T> {
  items: T[];
  next: string | null;
}

export interface ActorLite {
  id: string;
  name: string;
  kind: string;
  sector: string;
}

export interface EdgeLite {
  id: string;
  kind: string;
  from: { id: string };
  to: { id: string };
}

export interface OperationRef {
  id: string;
  code: string;
  name: string;
  commons: { code: string }[];
}

export interface CommonRef {
  code: string;
  name: string;
  nameEn: string | null;
}

export interface BrokerRoles {
  actor: { id: string; name: string };
  coordinator: number;
  itinerant: number;
  gatekeeper: number;
  representative: number;
  liaison: number;
  total: number;
}

export interface GroupCount {
  group: string;
  label: string;
  count: number;
  share: number;
}

export interface Arrangement {
  actorCount: number;
  bondCount: number;
  density: number;
  blau: number;
  eiIndex: number;
  modularity: number;
  components: number;
  centralization: number;
  citizenShare: number;
  groupBy: string;
  groups: GroupCount[];
  topBrokers: BrokerRoles[];
}

export interface TransversalityPoint {
  year: number;
  date: string;
  eiIndex: number;
  modularity: number;
  crossDepartmentBonds: number;
  withinDepartmentBonds: number;
  transversalOperations: number;
  meanDepartmentsPerOperation: number;
}

export interface Transversality {
  current: TransversalityPoint;
  series: TransversalityPoint[];
  departments: { id: string; name: string }[];
  matrix: { a: { id: string; name: string }; b: { id: string; name: string }; sharedOperations: number; bonds: number }[];
}

export interface ActorDetail extends ActorLite {
  territory: string | null;
  description: string | null;
  bondCount: number;
  operations: { code: string; name: string }[];
}

export const REFERENCE = /* GraphQL */ `
  query ExplorerReference {
    operations { id code name commons { code } }
    commons { code name nameEn }
    departments: actors(filter: { kinds: [DEPARTMENT] }, first: 100) { edges { node { id name } } }
    memberships: bonds(filter: { kinds: [MEMBER_OF] }, first: 100) {
      pageInfo { hasNextPage endCursor }
      edges { node { from { id } to { id kind } } }
    }
  }
`;

/** Council staff and bodies belong to a department through MEMBER_OF bonds (the pages after the first). */
export const MEMBERSHIPS = /* GraphQL */ `
  query ExplorerMemberships($after: String) {
    bonds(filter: { kinds: [MEMBER_OF] }, first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { from { id } to { id kind } } }
    }
  }
`;

export interface SubgraphLite {
  truncated: boolean;
  actorCount: number;
  isolates: number;
  nodes: ActorLite[];
  edges: EdgeLite[];
}

export const NETWORK = /* GraphQL */ `
  query ExplorerNetwork($scope: NetworkScope, $hideIsolates: Boolean) {
    network(scope: $scope, hideIsolates: $hideIsolates) {
      truncated actorCount isolates
      nodes { id name kind sector }
      edges { id kind from { id } to { id } }
    }
  }
`;

export const EGO = /* GraphQL */ `
  query ExplorerEgo($actor: ID!, $depth: Int, $scope: NetworkScope) {
    egoNetwork(actor: $actor, depth: $depth, scope: $scope) {
      truncated actorCount isolates
      nodes { id name kind sector }
      edges { id kind from { id } to { id } }
    }
  }
`;

export const PATH = /* GraphQL */ `
  query ExplorerPath($from: ID!, $to: ID!, $scope: NetworkScope) {
    shortestPath(from: $from, to: $to, scope: $scope) { id name kind sector }
  }
`;

export const COMMUNITIES = /* GraphQL */ `
  query ExplorerCommunities($scope: NetworkScope) {
    communities(scope: $scope) { count modularity communities { index size actors { id } } }
  }
`;

/** The table's metric columns, in order. */
export const TABLE_METRICS = ['DEGREE', 'BETWEENNESS', 'CLOSENESS', 'EIGENVECTOR', 'PAGERANK', 'CONSTRAINT', 'EFFECTIVE_SIZE'] as const;
export type TableMetric = (typeof TABLE_METRICS)[number];

/** Every metric at once: one request, and the server reads the scope once (its cache serves the rest). */
export const METRIC_TABLE = /* GraphQL */ `
  query ExplorerMetricTable($scope: NetworkScope) {
${TABLE_METRICS.map((m) => `    ${m}: centrality(metric: ${m}, scope: $scope, top: 1000) { score actor { id } }`).join('\n')}
  }
`;

export const CENTRALITY = /* GraphQL */ `
  query ExplorerCentrality($metric: CentralityMetric!, $scope: NetworkScope) {
    centrality(metric: $metric, scope: $scope, top: 1000) { score actor { id } }
  }
`;

export const ARRANGEMENT = /* GraphQL */ `
  query ExplorerArrangement($scope: NetworkScope!, $groupBy: GroupBy) {
    arrangement(scope: $scope, groupBy: $groupBy) {
      actorCount bondCount density blau eiIndex modularity components centralization citizenShare groupBy
      groups { group label count share }
      topBrokers { actor { id name } coordinator itinerant gatekeeper representative liaison total }
    }
  }
`;

/** The matrix and figures on the chosen date; the series over the whole program (marked at the date). */
export const TRANSVERSALITY = /* GraphQL */ `
  query ExplorerTransversality($asOf: Date) {
    at: transversality(asOf: $asOf) {
      current { year date eiIndex modularity crossDepartmentBonds withinDepartmentBonds transversalOperations meanDepartmentsPerOperation }
      departments { id name }
      matrix { a { id name } b { id name } sharedOperations bonds }
    }
    all: transversality {
      series { year date eiIndex modularity crossDepartmentBonds withinDepartmentBonds transversalOperations meanDepartmentsPerOperation }
    }
  }
`;

export const SEARCH = /* GraphQL */ `
  query ExplorerSearch($text: String!) {
    actors(search: $text, first: 8) { edges { node { id name kind sector } } }
  }
`;

export const ACTOR = /* GraphQL */ `
  query ExplorerActor($id: ID!) {
    actor(id: $id) { id name kind sector territory description bondCount operations { code name } }
  }
`;

/** Anonymous fallback: the scope's actors, page by page (public read). */
export const SCOPE_ACTORS = /* GraphQL */ `
  query ExplorerScopeActors($filter: ActorFilter, $after: String) {
    actors(filter: $filter, first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { id name kind sector } }
    }
  }
`;

/** Anonymous fallback: the bonds holding on a date, page by page (public read). */
export const SCOPE_BONDS = /* GraphQL */ `
  query ExplorerScopeBonds($validOn: Date, $after: String) {
    bonds(filter: { validOn: $validOn }, first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { id kind from { id } to { id } } }
    }
  }
`;
