import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  getDirectiveValues,
  getNamedType,
  isAbstractType,
  isInterfaceType,
  isLeafType,
  isObjectType,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type VariableDefinitionNode,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import type { Config } from '../config';
import type { Context } from '../context';
import { BadInputError, QueryTooComplexError } from '../errors';
import { DEFAULT_PAGE_SIZE } from '../common/pagination';

export type Limits = Pick<Config, 'MAX_QUERY_DEPTH' | 'MAX_QUERY_COST' | 'MAX_ALIASES' | 'MAX_ROOT_FIELDS'>;

/** What an operation's text alone decides: deepest selection, aliases, fields at its root. */
interface Shape {
  depth: number;
  aliases: number;
  /** Field selections at this level, fragments and inline fragments flattened. */
  fields: number;
}

/** Thrown inside the walks when a limit cannot be computed; becomes QUERY_TOO_COMPLEX. */
class Unmeasurable extends Error {}

const fragmentsOf = (document: DocumentNode): Map<string, FragmentDefinitionNode> => {
  const out = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) out.set(d.name.value, d);
  return out;
};

/**
 * Depth, aliases and root fields, counting every selection (introspection included) with fragments
 * and inline fragments expanded; each fragment is measured once, so fragment bombs cost nothing.
 * A fragment spread n times counts n times (what it would cost if each spread were written out).
 */
function shapeOf(document: DocumentNode, operation: OperationDefinitionNode): Shape {
  const fragments = fragmentsOf(document);
  const memo = new Map<string, Shape>();
  const visiting = new Set<string>();
  const fragment = (name: string): Shape => {
    const known = memo.get(name);
    if (known) return known;
    const def = fragments.get(name);
    if (!def) throw new Unmeasurable(`fragment ${name} is not defined`);
    if (visiting.has(name)) throw new Unmeasurable(`fragment ${name} spreads itself`);
    visiting.add(name);
    const m = walk(def.selectionSet);
    visiting.delete(name);
    memo.set(name, m);
    return m;
  };
  const walk = (set: SelectionSetNode): Shape => {
    const out: Shape = { depth: 0, aliases: 0, fields: 0 };
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        const inner = s.selectionSet ? walk(s.selectionSet) : { depth: 0, aliases: 0 };
        out.depth = Math.max(out.depth, 1 + inner.depth);
        out.aliases += inner.aliases + (s.alias ? 1 : 0);
        out.fields += 1;
      } else {
        const inner = s.kind === Kind.INLINE_FRAGMENT ? walk(s.selectionSet) : fragment(s.name.value);
        out.depth = Math.max(out.depth, inner.depth);
        out.aliases += inner.aliases;
        out.fields += inner.fields;
      }
    }
    return out;
  };
  return walk(operation.selectionSet);
}

/** The field `name` of `parent`, meta-fields included. */
function fieldDef(schema: GraphQLSchema, parent: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> {
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  if (parent === schema.getQueryType() && name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
  if (parent === schema.getQueryType() && name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  const def = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
  if (!def) throw new Unmeasurable(`${parent.name} has no field ${name}`);
  return def;
}

/** The value an argument takes at execution: literal, variable (defaults applied) or the argument's default. */
function argValue(def: GraphQLField<unknown, unknown>, node: FieldNode, name: string, variables: Record<string, unknown>): unknown {
  const arg = def.args.find((a) => a.name === name);
  if (!arg) return undefined;
  const given = node.arguments?.find((a) => a.name.value === name);
  if (!given) return arg.defaultValue;
  if (given.value.kind === Kind.VARIABLE) {
    const v = given.value.name.value;
    return Object.prototype.hasOwnProperty.call(variables, v) ? variables[v] : arg.defaultValue;
  }
  return valueFromAST(given.value, arg.type, variables);
}

/** False when @skip/@include leave the selection out at execution. */
function included(node: { directives?: readonly any[] }, variables: Record<string, unknown>): boolean {
  if (!node.directives?.length) return true;
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
}

/**
 * Cost of an operation: 0 for a scalar, 1 for an object, plus its children's cost multiplied by
 * the page size it asks for (`first`/`last`, 20 by default on connections; `top` on analytics
 * lists). Fragments on different concrete types of an abstract field count the dearest one only;
 * @skip/@include are applied. Each fragment is priced once per call.
 */
function costOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): number {
  const fragments = fragmentsOf(document);
  const memo = new Map<string, number>();
  const visiting = new Set<string>();
  const typeNamed = (name: string): GraphQLNamedType => {
    const t = schema.getType(name);
    if (!t) throw new Unmeasurable(`type ${name} does not exist`);
    return t;
  };
  const fragment = (name: string): number => {
    const known = memo.get(name);
    if (known !== undefined) return known;
    const def = fragments.get(name);
    if (!def) throw new Unmeasurable(`fragment ${name} is not defined`);
    if (visiting.has(name)) throw new Unmeasurable(`fragment ${name} spreads itself`);
    visiting.add(name);
    const c = walk(def.selectionSet, typeNamed(def.typeCondition.name.value));
    visiting.delete(name);
    memo.set(name, c);
    return c;
  };
  const field = (node: FieldNode, parent: GraphQLNamedType): number => {
    const def = fieldDef(schema, parent, node.name.value);
    const type = getNamedType(def.type);
    if (isLeafType(type)) return 0;
    if (!node.selectionSet) throw new Unmeasurable(`${parent.name}.${node.name.value} has no selection`);
    const n = argValue(def, node, 'first', variables) ?? argValue(def, node, 'last', variables) ?? argValue(def, node, 'top', variables);
    const isConnection = /Connection!?$/.test(String(def.type));
    const multiplier = typeof n === 'number' ? Math.max(n, 1) : isConnection ? DEFAULT_PAGE_SIZE : 1;
    return 1 + walk(node.selectionSet, type) * multiplier;
  };
  const walk = (set: SelectionSetNode, parent: GraphQLNamedType): number => {
    let common = 0;
    // Fragments on one concrete type of an abstract parent: only one of them applies to an object.
    const byType = new Map<string, number>();
    for (const s of set.selections) {
      if (!included(s, variables)) continue;
      if (s.kind === Kind.FIELD) {
        common += field(s, parent);
        continue;
      }
      const condition = s.kind === Kind.INLINE_FRAGMENT ? (s.typeCondition ? typeNamed(s.typeCondition.name.value) : parent) : typeNamed(fragments.get(s.name.value)?.typeCondition.name.value ?? parent.name);
      const c = s.kind === Kind.INLINE_FRAGMENT ? walk(s.selectionSet, condition) : fragment(s.name.value);
      if (isAbstractType(parent) && isObjectType(condition)) byType.set(condition.name, (byType.get(condition.name) ?? 0) + c);
      else common += c;
    }
    return common + Math.max(0, ...byType.values());
  };
  const root = schema.getRootType(operation.operation);
  if (!root) throw new Unmeasurable(`this schema has no ${operation.operation} type`);
  return walk(operation.selectionSet, root);
}

/** Variables that can change the cost: Int (page sizes) and Boolean (@skip/@include). */
function costVariables(operation: OperationDefinitionNode): VariableDefinitionNode[] {
  return (operation.variableDefinitions ?? []).filter((def) => {
    const type = def.type.kind === Kind.NON_NULL_TYPE ? def.type.type : def.type;
    return type.kind === Kind.NAMED_TYPE && (type.name.value === 'Int' || type.name.value === 'Boolean');
  });
}

/** Cost keys remembered per operation (Apollo reuses a parsed document for the same query text). */
const MAX_COSTS_PER_OPERATION = 64;

interface Measured {
  shape: Shape;
  costVariables: VariableDefinitionNode[];
  costs: Map<string, number>;
}

/** Per schema and operation node: the shape, and the cost per effective Int/Boolean variable values. */
const measured = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, Measured>>();

/** `say` puts the measured number in a sentence; past 2^53 it reads "more than 9007199254740991". */
const tooComplex = (say: (n: string) => string, actual: number, limit: number, setting: string, advice = ''): QueryTooComplexError => {
  const exact = actual <= Number.MAX_SAFE_INTEGER;
  const shown = exact ? actual : Number.MAX_SAFE_INTEGER;
  return new QueryTooComplexError(`${say(exact ? String(shown) : `more than ${shown}`)}; the limit is ${limit} (${setting}).${advice}`, { limit, actual: shown });
};

/**
 * Refuses an operation that is too deep, too wide or too costly, before anything runs: throws
 * QueryTooComplexError (QUERY_TOO_COMPLEX), or BadInputError when an Int or Boolean variable the
 * cost depends on is invalid. Every selection counts — fragments, inline fragments and
 * introspection alike — and an operation whose limits cannot be computed is refused. The document
 * must have passed graphql validation. Results are memoized per (schema, operation node, effective
 * Int/Boolean variable values), which changes nothing but the time taken.
 */
export function checkOperationLimits(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, limits: Limits): void {
  try {
    let bySchema = measured.get(schema);
    if (!bySchema) measured.set(schema, (bySchema = new WeakMap()));
    let m = bySchema.get(operation);
    if (!m) bySchema.set(operation, (m = { shape: shapeOf(document, operation), costVariables: costVariables(operation), costs: new Map() }));
    const { depth, aliases, fields } = m.shape;
    if (fields > limits.MAX_ROOT_FIELDS) throw tooComplex((n) => `The operation asks for ${n} root fields`, fields, limits.MAX_ROOT_FIELDS, 'MAX_ROOT_FIELDS', ' Fragments and inline fragments on the root count their fields; split the operation');
    if (depth > limits.MAX_QUERY_DEPTH) throw tooComplex((n) => `The operation is ${n} levels deep`, depth, limits.MAX_QUERY_DEPTH, 'MAX_QUERY_DEPTH');
    if (aliases > limits.MAX_ALIASES) throw tooComplex((n) => `The operation uses ${n} aliases`, aliases, limits.MAX_ALIASES, 'MAX_ALIASES', ' A fragment counts its aliases each time it is spread');

    // The values execution will use: defaults applied, so that `$n: null` and an omitted `$n` differ.
    const coerced = getVariableValues(schema, m.costVariables, variables ?? {}, { maxErrors: 1 });
    if (coerced.errors) {
      const name = m.costVariables.find((d) => coerced.errors![0].message.includes(`"$${d.variable.name.value}"`))?.variable.name.value;
      throw new BadInputError(coerced.errors[0].message, name ? [{ field: `$${name}`, message: coerced.errors[0].message }] : []);
    }
    const values = coerced.coerced;
    let key = '';
    for (const def of m.costVariables) {
      const name = def.variable.name.value;
      key += `|${name}=${Object.prototype.hasOwnProperty.call(values, name) ? JSON.stringify(values[name]) : '-'}`;
    }
    let cost = m.costs.get(key);
    if (cost === undefined) {
      cost = costOf(schema, document, operation, values);
      if (m.costs.size >= MAX_COSTS_PER_OPERATION) m.costs.delete(m.costs.keys().next().value!);
      m.costs.set(key, cost);
    }
    if (!(cost <= limits.MAX_QUERY_COST)) throw tooComplex((n) => `The operation's estimated cost is ${n}`, cost, limits.MAX_QUERY_COST, 'MAX_QUERY_COST', ' Ask for smaller pages (first/last) or fewer nested lists');
  } catch (err) {
    if (err instanceof QueryTooComplexError || err instanceof BadInputError) throw err;
    // Fail closed: an operation whose limits cannot be computed does not run.
    const why = err instanceof Error ? err.message : String(err);
    throw new QueryTooComplexError(`The operation's size and cost could not be estimated (${why}), so it was not run; simplify it`, { limit: limits.MAX_QUERY_COST });
  }
}

/** Rejects, before any resolver runs, operations that are too deep, too wide or too costly. */
export function limitsPlugin(schema: GraphQLSchema, limits: Limits): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          if (operation.operation === 'subscription') {
            const err = new BadInputError('Subscriptions are not served over HTTP POST: open a graphql-ws connection to /graphql (the `graphql-ws` protocol), or poll the `changes` feed');
            err.extensions.http = { status: 400 };
            throw err;
          }
          try {
            checkOperationLimits(schema, document, operation, request.variables ?? {}, limits);
          } catch (err) {
            // A refusal before execution is the caller's to fix: 400, not Apollo's default 500.
            if (err instanceof BadInputError) err.extensions.http = { status: 400 };
            throw err;
          }
        },
      };
    },
  };
}
