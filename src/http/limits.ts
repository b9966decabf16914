import type { ApolloServerPlugin } from '@apollo/server';
import {
  Kind,
  getNamedType,
  isLeafType,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { Config } from '../config';
import type { Context } from '../context';
import { BadInputError, QueryTooComplexError } from '../errors';
import { DEFAULT_PAGE_SIZE } from '../common/pagination';

export type Limits = Pick<Config, 'MAX_QUERY_DEPTH' | 'MAX_QUERY_COST' | 'MAX_ALIASES' | 'MAX_ROOT_FIELDS'>;

/**
 * Cost of a field: 0 for a scalar, 1 for an object, plus its children's cost multiplied by the
 * page size it asks for (`first`/`last`, 20 by default on connections; `top` on analytics lists).
 */
export const pageSizeEstimator: ComplexityEstimator = ({ args, childComplexity, field }) => {
  if (isLeafType(getNamedType(field.type))) return 0;
  const n = args.first ?? args.last ?? args.top ?? null;
  const isConnection = /Connection!?$/.test(String(field.type));
  const multiplier = typeof n === 'number' ? Math.max(n, 1) : isConnection ? DEFAULT_PAGE_SIZE : 1;
  return 1 + childComplexity * multiplier;
};

/** Depth of a selection with fragments expanded (memoized per fragment: bombs cost nothing). */
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
        // Introspection (__schema, __type) is bounded by the schema itself: tools' standard
        // introspection query is deeper than any data query needs to be.
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
        if (visiting.has(name)) continue; // cycles are reported by graphql validation
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

/**
 * What an operation's cost can depend on besides its text: the values of its Int and Boolean
 * variables (page sizes, @skip/@include). Variables of other types cannot reach `first`, `last`,
 * `top` (Int) or `if` (Boolean!), so they are left out of the key.
 */
function costKey(op: OperationDefinitionNode, variables: Record<string, unknown>): string {
  let key = '';
  for (const def of op.variableDefinitions ?? []) {
    let type = def.type;
    if (type.kind === Kind.NON_NULL_TYPE) type = type.type;
    if (type.kind === Kind.NAMED_TYPE && (type.name.value === 'Int' || type.name.value === 'Boolean')) {
      const name = def.variable.name.value;
      key += `|${name}=${JSON.stringify(variables[name] ?? null)}`;
    }
  }
  return key;
}

/** Cost keys remembered per operation (Apollo reuses a parsed document for the same query text). */
const MAX_COSTS_PER_OPERATION = 64;

/** Rejects, before any resolver runs, operations that are too deep, too wide or too costly. */
export function limitsPlugin(schema: GraphQLSchema, limits: Limits): ApolloServerPlugin<Context> {
  // Depth and aliases per operation (a node of a parsed document, which Apollo reuses for the same
  // query text); cost per (operation, Int/Boolean variables): the same front-end query, sent again
  // and again, is measured once (graphql-query-complexity walks the whole document, ~0.1 ms).
  const shapes = new WeakMap<OperationDefinitionNode, { depth: number; aliases: number }>();
  const costs = new WeakMap<OperationDefinitionNode, Map<string, number>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          if (operation.operation === 'subscription') {
            const err = new BadInputError('Subscriptions are not served: poll the `changes` feed for updates');
            err.extensions.http = { status: 400 };
            throw err;
          }
          const rootFields = operation.selectionSet.selections.length;
          if (rootFields > limits.MAX_ROOT_FIELDS) {
            throw new QueryTooComplexError(`The operation asks for ${rootFields} root fields; the limit is ${limits.MAX_ROOT_FIELDS} (MAX_ROOT_FIELDS)`, { limit: limits.MAX_ROOT_FIELDS, actual: rootFields });
          }
          let shape = shapes.get(operation);
          if (!shape) shapes.set(operation, (shape = measure(document, operation)));
          const { depth, aliases } = shape;
          if (depth > limits.MAX_QUERY_DEPTH) {
            throw new QueryTooComplexError(`The operation is ${depth} levels deep; the limit is ${limits.MAX_QUERY_DEPTH} (MAX_QUERY_DEPTH)`, { limit: limits.MAX_QUERY_DEPTH, actual: depth });
          }
          if (aliases > limits.MAX_ALIASES) {
            throw new QueryTooComplexError(`The operation uses ${aliases} aliases; the limit is ${limits.MAX_ALIASES} (MAX_ALIASES)`, { limit: limits.MAX_ALIASES, actual: aliases });
          }
          let known = costs.get(operation);
          if (!known) costs.set(operation, (known = new Map()));
          const key = costKey(operation, request.variables ?? {});
          let cost = known.get(key);
          if (cost === undefined) {
            try {
              cost = getComplexity({
                schema,
                query: document,
                operationName: request.operationName ?? undefined,
                variables: request.variables ?? {},
                estimators: [pageSizeEstimator],
              });
            } catch {
              // Invalid variables: execution reports them as BAD_USER_INPUT with their path.
              return;
            }
            if (known.size >= MAX_COSTS_PER_OPERATION) known.delete(known.keys().next().value!);
            known.set(key, cost);
          }
          if (cost > limits.MAX_QUERY_COST) {
            throw new QueryTooComplexError(`The operation's estimated cost is ${cost}; the limit is ${limits.MAX_QUERY_COST} (MAX_QUERY_COST). Ask for smaller pages (first/last) or fewer nested lists`, { limit: limits.MAX_QUERY_COST, actual: cost });
          }
        },
      };
    },
  };
}
