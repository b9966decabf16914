/**
 * The offline GraphQL IDE served at GET /graphql to browsers: GraphiQL 3, bundled at install time
 * (no CDN). The header editor opens by default so that users can paste `Authorization: Bearer …`;
 * the explorer's stored key, when there is one, is filled in.
 */
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import 'graphiql/graphiql.css';
import { createRoot } from 'react-dom/client';

const ENDPOINT = '/graphql';
const PLACEHOLDER = '<votre clé / your key>';

/**
 * The standard introspection query nests `ofType` nine times (15 levels), over the API's
 * MAX_QUERY_DEPTH (12). Types here wrap at most three times (`[X!]!`), so four levels of `ofType`
 * describe the whole schema: GraphiQL's query is sent with this shallower TypeRef (10 levels).
 */
const SHALLOW_TYPE_REF = `fragment TypeRef on __Type {
  kind name
  ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }
}
`;

/** Sends the editor's headers, leaving out an Authorization that was not filled in. */
const fetcher: GraphiQLProps['fetcher'] = async (params, opts) => {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  for (const [name, value] of Object.entries(opts?.headers ?? {})) {
    if (typeof value !== 'string') continue;
    if (name.toLowerCase() === 'authorization' && /^Bearer\s*(<.*>)?\s*$/i.test(value)) continue;
    headers[name] = value;
  }
  const body = { ...params };
  if (typeof body.query === 'string' && /fragment TypeRef on __Type[\s\S]*$/.test(body.query)) {
    body.query = body.query.replace(/fragment TypeRef on __Type[\s\S]*$/, SHALLOW_TYPE_REF);
  }
  const res = await fetch(ENDPOINT, { method: 'POST', headers, body: JSON.stringify(body) });
  return res.json();
};

function storedKey(): string {
  try {
    return localStorage.getItem('agencement.apiKey') ?? '';
  } catch {
    return '';
  }
}

const defaultHeaders = JSON.stringify({ Authorization: `Bearer ${storedKey() || PLACEHOLDER}` }, null, 2);

const defaultQuery = `# Agencement — console GraphQL
# Votre clé : onglet « Headers » en bas,
#   { "Authorization": "Bearer agk_…" }
# Your key: the Headers tab below.
# Documentation du schéma : icône livre, à gauche.
# Analyses (arrangement, centrality, network,
# transversality) : clé ANALYST, EDITOR ou ADMIN.

query Operations {
  operations {
    code
    name
    leadDepartment { name }
    commons { code name }
  }
}

query Search {
  actors(search: "foret", first: 10) {
    totalCount
    edges { node { id name kind sector } }
  }
}

query FoodGovernance {
  arrangement(scope: { operation: "FOOD_GOVERNANCE" }) {
    actorCount bondCount density blau eiIndex modularity
    topBrokers { actor { name } total }
  }
}
`;

const root = document.getElementById('graphiql');
if (root) {
  createRoot(root).render(
    <GraphiQL
      fetcher={fetcher}
      defaultQuery={defaultQuery}
      defaultHeaders={defaultHeaders}
      defaultEditorToolsVisibility="headers"
      isHeadersEditorEnabled
      shouldPersistHeaders
    />,
  );
}
