import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getNamedType, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import { createSchema } from '../../../src/schema';

interface CacheConfig {
  possibleTypes: Record<string, string[]>;
  typePolicies: Record<string, { fields: Record<string, { keyArgs: string[] }> }>;
}

const PAGING_ARGS = new Set(['first', 'after', 'last', 'before']);

/** The argument of `new InMemoryCache(...)` in the README's Apollo Client block, evaluated with relayStylePagination stubbed. */
function readmeCacheConfig(): CacheConfig {
  const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
  const start = readme.indexOf('new InMemoryCache(');
  if (start < 0) throw new Error('README.md has no `new InMemoryCache(` block');
  let depth = 0;
  let i = start + 'new InMemoryCache'.length;
  do {
    if (readme[i] === '(') depth++;
    else if (readme[i] === ')') depth--;
    i++;
  } while (depth > 0 && i < readme.length);
  const literal = readme.slice(start + 'new InMemoryCache('.length, i - 1);
  return new Function('relayStylePagination', `return (${literal});`)((keyArgs: string[]) => ({ keyArgs }));
}

const nodeTypes = (schema: GraphQLSchema) =>
  schema
    .getPossibleTypes(schema.getType('Node') as never)
    .map((t) => t.name)
    .sort();

describe("README's Apollo Client set-up", () => {
  let schema: GraphQLSchema;
  let config: CacheConfig;
  beforeAll(async () => {
    schema = await createSchema();
    config = readmeCacheConfig();
  });

  it('lists exactly the types implementing Node in possibleTypes', () => {
    expect(nodeTypes(schema).length).toBeGreaterThan(0);
    expect([...config.possibleTypes.Node!].sort()).toEqual(nodeTypes(schema));
  });

  it('paginates real connection fields, keyed by all their non-paging arguments', () => {
    const policies = Object.entries(config.typePolicies).flatMap(([type, p]) => Object.entries(p.fields).map(([field, f]) => ({ type, field, keyArgs: f.keyArgs })));
    expect(policies.map((p) => `${p.type}.${p.field}`)).toEqual(expect.arrayContaining(['Query.actors', 'Query.bonds', 'Actor.bonds']));
    for (const { type, field, keyArgs } of policies) {
      const owner = schema.getType(type);
      if (!isObjectType(owner) && !isInterfaceType(owner)) throw new Error(`README typePolicies: ${type} is not an object type of the schema`);
      const def = owner.getFields()[field];
      if (!def) throw new Error(`README typePolicies: ${type}.${field} is not a field of the schema`);
      expect({ field: `${type}.${field}`, type: getNamedType(def.type).name }).toEqual({ field: `${type}.${field}`, type: expect.stringMatching(/Connection$/) });
      // A forgotten argument would merge the pages of different filters into one cached list.
      const filters = def.args.map((a) => a.name).filter((a) => !PAGING_ARGS.has(a));
      expect({ field: `${type}.${field}`, keyArgs: [...keyArgs].sort() }).toEqual({ field: `${type}.${field}`, keyArgs: filters.sort() });
    }
  });
});
