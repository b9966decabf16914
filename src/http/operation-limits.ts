import { Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { QueryTooComplexError } from '../errors';
import { pageSizeEstimator, type Limits } from './limits';

/**
 * Checks one operation against the query limits (root fields, depth, aliases, estimated cost) the
 * way limitsPlugin does for HTTP; throws QueryTooComplexError. Stand-in, for the subscription
 * server, for the function of the same signature src/http/limits.ts gets on another branch (which
 * replaces this file at merge): same bounds, same messages, same cost estimator.
 */
export function checkOperationLimits(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, limits: Limits): void {
  const rootFields = operation.selectionSet.selections.length;
  if (rootFields > limits.MAX_ROOT_FIELDS) {
    throw new QueryTooComplexError(`The operation asks for ${rootFields} root fields; the limit is ${limits.MAX_ROOT_FIELDS} (MAX_ROOT_FIELDS)`, { limit: limits.MAX_ROOT_FIELDS, actual: rootFields });
  }
  const { depth, aliases } = measure(document, operation);
  if (depth > limits.MAX_QUERY_DEPTH) {
    throw new QueryTooComplexError(`The operation is ${depth} levels deep; the limit is ${limits.MAX_QUERY_DEPTH} (MAX_QUERY_DEPTH)`, { limit: limits.MAX_QUERY_DEPTH, actual: depth });
  }
  if (aliases > limits.MAX_ALIASES) {
    throw new QueryTooComplexError(`The operation uses ${aliases} aliases; the limit is ${limits.MAX_ALIASES} (MAX_ALIASES)`, { limit: limits.MAX_ALIASES, actual: aliases });
  }
  let cost: number;
  try {
    cost = getComplexity({ schema, query: { kind: Kind.DOCUMENT, definitions: [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)] }, variables, estimators: [pageSizeEstimator] });
  } catch {
    // Invalid variables: execution reports them as BAD_USER_INPUT with their path.
    return;
  }
  if (cost > limits.MAX_QUERY_COST) {
    throw new QueryTooComplexError(`The operation's estimated cost is ${cost}; the limit is ${limits.MAX_QUERY_COST} (MAX_QUERY_COST). Ask for smaller pages (first/last) or fewer nested lists`, { limit: limits.MAX_QUERY_COST, actual: cost });
  }
}

/** Depth and aliases of a selection with fragments expanded (memoized per fragment). */
function measure(doc: DocumentNode, op: OperationDefinitionNode): { depth: number; aliases: number } {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const memo = new Map<string, { depth: number; aliases: number }>();
  const visiting = new Set<string>();
  const walk = (set: SelectionSetNode | undefined): { depth: number; aliases: number } => {
    if (!set) return { depth: 0, aliases: 0 };
    let depth = 0;
    let aliases = 0;
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        if (s.name.value.startsWith('__')) continue;
        const inner = walk(s.selectionSet);
        depth = Math.max(depth, s.selectionSet ? 1 + inner.depth : 1);
        aliases += inner.aliases + (s.alias ? 1 : 0);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        const inner = walk(s.selectionSet);
        depth = Math.max(depth, inner.depth);
        aliases += inner.aliases;
      } else {
        const name = s.name.value;
        if (visiting.has(name)) continue;
        let m = memo.get(name);
        if (!m) {
          visiting.add(name);
          m = walk(fragments.get(name)?.selectionSet);
          visiting.delete(name);
          memo.set(name, m);
        }
        depth = Math.max(depth, m.depth);
        aliases += m.aliases;
      }
    }
    return { depth, aliases };
  };
  return walk(op.selectionSet);
}
