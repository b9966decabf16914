import { getArgumentValues } from 'graphql/execution/values';
import { Kind, type FieldNode, type GraphQLObjectType, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The field nodes selected at the end of each of `paths` below `nodes`, through aliases and
 * fragments (whatever their type condition: validation already rejected impossible ones). A path
 * `[]` gives the direct children, `['edges', 'node']` the fields of a connection's nodes.
 * Selections under `@skip`/`@include` are left out, and `certain` is then false: what is selected
 * depends on variables.
 */
function collect(nodes: readonly FieldNode[], fragments: GraphQLResolveInfo['fragments'], paths: string[][]): { fields: FieldNode[]; certain: boolean } {
  const fields: FieldNode[] = [];
  let certain = true;
  const walk = (set: SelectionSetNode | undefined, path: string[], depth: number): void => {
    if (!set) return;
    if (depth > 12) {
      certain = false;
      return;
    }
    for (const sel of set.selections) {
      if (sel.directives?.length) {
        certain = false;
        continue;
      }
      if (sel.kind === Kind.FIELD) {
        if (path.length === 0) fields.push(sel);
        else if (sel.name.value === path[0]) walk(sel.selectionSet, path.slice(1), depth + 1);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        walk(sel.selectionSet, path, depth + 1);
      } else {
        const frag = fragments[sel.name.value];
        if (frag) walk(frag.selectionSet, path, depth + 1);
        else certain = false;
      }
    }
  };
  for (const path of paths) for (const node of nodes) walk(node.selectionSet, path, 0);
  return { fields, certain };
}

/**
 * Look-ahead for root fields: which sub-fields of a given object type the current field selects,
 * with their argument values (variables and defaults applied). It lets a root resolver start the
 * loads of its children in the same tick as its own, so that they travel in the same bundled
 * query (see db/bundle.ts) instead of one resolution wave after another.
 *
 * Only a hint: whatever is prefetched is still read by the child resolvers through the same
 * loaders (so a miss costs some work, never a wrong answer). Fields under `@skip`/`@include` are
 * ignored; invalid arguments are left for the resolver to report.
 */
export function selectedChildren(info: GraphQLResolveInfo, typeName: string): Array<{ name: string; args: Record<string, unknown>; node: FieldNode }> {
  const type = info.schema.getType(typeName) as GraphQLObjectType | undefined;
  if (!type || !('getFields' in type)) return [];
  const defs = type.getFields();
  const out: Array<{ name: string; args: Record<string, unknown>; node: FieldNode }> = [];
  for (const node of collect(info.fieldNodes, info.fragments, [[]]).fields) {
    const def = defs[node.name.value];
    if (!def) continue;
    try {
      out.push({ name: node.name.value, args: getArgumentValues(def, node, info.variableValues), node });
    } catch {
      // The resolver reports bad arguments.
    }
  }
  return out;
}

/**
 * The names of the fields selected at the end of each of `paths` below `nodes`, e.g.
 * `[['edges', 'node']]` below a connection field. Null when a `@skip`/`@include` makes the
 * selection depend on variables: callers then assume every field is wanted.
 */
export function fieldsAt(nodes: readonly FieldNode[], fragments: GraphQLResolveInfo['fragments'], paths: string[][]): Set<string> | null {
  const { fields, certain } = collect(nodes, fragments, paths);
  return certain ? new Set(fields.map((f) => f.name.value)) : null;
}
