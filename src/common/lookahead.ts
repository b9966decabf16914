import { getArgumentValues } from 'graphql/execution/values';
import { Kind, type FieldNode, type GraphQLObjectType, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Look-ahead for root fields: which sub-fields of a given object type the current field selects,
 * with their argument values (variables and defaults applied). It lets a root resolver start the
 * loads of its children in the same tick as its own, so that they travel in the same bundled
 * query (see db/bundle.ts) instead of one resolution wave after another.
 *
 * Only a hint: whatever is prefetched is still read by the child resolvers through the same
 * loaders (so a miss costs some work, never a wrong answer). Fields under `@skip`/`@include` or
 * type conditions for other types are ignored; invalid arguments are left for the resolver to
 * report.
 */
export function selectedChildren(info: GraphQLResolveInfo, typeName: string): Array<{ name: string; args: Record<string, unknown>; node: FieldNode }> {
  const type = info.schema.getType(typeName) as GraphQLObjectType | undefined;
  if (!type || !('getFields' in type)) return [];
  const fields = type.getFields();
  const out: Array<{ name: string; args: Record<string, unknown>; node: FieldNode }> = [];
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode | undefined, depth: number) => {
    if (!set || depth > 3) return;
    for (const sel of set.selections) {
      if (sel.directives?.length) continue;
      if (sel.kind === Kind.FIELD) {
        const def = fields[sel.name.value];
        if (!def) continue;
        try {
          out.push({ name: sel.name.value, args: getArgumentValues(def, sel as FieldNode, info.variableValues), node: sel });
        } catch {
          // The resolver reports bad arguments.
        }
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        if (!sel.typeCondition || sel.typeCondition.name.value === typeName) visit(sel.selectionSet, depth + 1);
      } else if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const frag = info.fragments[sel.name.value];
        if (frag && frag.typeCondition.name.value === typeName && !seen.has(sel.name.value)) {
          seen.add(sel.name.value);
          visit(frag.selectionSet, depth + 1);
        }
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet, 0);
  return out;
}

/**
 * The names of the fields selected at the end of each of `paths` below `nodes` (through aliases
 * and fragments, whatever their type condition), e.g. `[['edges', 'node']]` below a connection
 * field. Null when a `@skip`/`@include` makes the selection depend on variables: callers then
 * assume every field is wanted.
 */
export function fieldsAt(nodes: readonly FieldNode[], fragments: GraphQLResolveInfo['fragments'], paths: string[][]): Set<string> | null {
  const out = new Set<string>();
  const walk = (set: SelectionSetNode | undefined, path: string[], depth: number): boolean => {
    if (!set) return true;
    if (depth > 12) return false;
    for (const sel of set.selections) {
      if (sel.directives?.length) return false;
      if (sel.kind === Kind.FIELD) {
        if (path.length === 0) out.add(sel.name.value);
        else if (sel.name.value === path[0] && !walk(sel.selectionSet, path.slice(1), depth + 1)) return false;
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        if (!walk(sel.selectionSet, path, depth + 1)) return false;
      } else {
        const frag = fragments[sel.name.value];
        if (!frag || !walk(frag.selectionSet, path, depth + 1)) return false;
      }
    }
    return true;
  };
  for (const path of paths) for (const node of nodes) if (!walk(node.selectionSet, path, 0)) return null;
  return out;
}
