/**
 * Type definitions of the benchmark peer: the same graph (labels Actor/Operation/Common,
 * relationships BOND, PARTICIPATES_IN with role/since/until, SERVES) described for
 * `@neo4j/graphql` 7. The library generates its own queries from these; it shares our database
 * and our `actor_search` full-text index (it never creates indexes itself).
 */
export const PEER_TYPE_DEFS = /* GraphQL */ `
  type Actor
    @node(labels: ["Actor"])
    @fulltext(indexes: [{ indexName: "actor_search", queryName: "actorsSearch", fields: ["name", "description"] }]) {
    id: ID!
    name: String!
    "The French sort key our API orders names by (accents and case folded), so that both servers order alike."
    nameKey: String @alias(property: "_nameKey")
    kind: String!
    sector: String!
    description: String
    territory: String
    tags: [String!]
    source: String
    bonds: [Actor!]! @relationship(type: "BOND", direction: OUT, queryDirection: UNDIRECTED, properties: "Bond")
    operations: [Operation!]! @relationship(type: "PARTICIPATES_IN", direction: OUT, properties: "Participation")
  }

  type Bond @relationshipProperties {
    id: ID!
    kind: String!
    since: Date
    until: Date
    weight: Float
  }

  type Participation @relationshipProperties {
    id: ID!
    role: String!
    since: Date
    until: Date
  }

  type Operation @node(labels: ["Operation"]) {
    id: ID!
    code: String!
    name: String!
    description: String
    commons: [Common!]! @relationship(type: "SERVES", direction: OUT)
    participants: [Actor!]! @relationship(type: "PARTICIPATES_IN", direction: IN, properties: "Participation")
  }

  type Common @node(labels: ["Common"]) {
    id: ID!
    code: String!
    name: String!
    nameEn: String
  }
`;

/** Keeps the generated schema to the current (non-deprecated) API, as a new project would. */
export const PEER_FEATURES = {
  excludeDeprecatedFields: {
    mutationOperations: true,
    aggregationFilters: true,
    aggregationFiltersOutsideConnection: true,
    relationshipFilters: true,
    attributeFilters: true,
  },
};
