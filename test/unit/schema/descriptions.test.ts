import 'reflect-metadata';
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLSchema,
} from 'graphql';
import { createSchema } from '../../../src/schema';

/** Every schema element without a description, grouped by the type it belongs to. */
export function undescribed(schema: GraphQLSchema): Map<string, string[]> {
  const missing = new Map<string, string[]>();
  const add = (type: string, what: string) => missing.set(type, [...(missing.get(type) ?? []), what]);
  const blank = (d: string | null | undefined) => !d || !d.trim();
  for (const type of Object.values(schema.getTypeMap())) {
    // graphql-js documents its own built-ins (__Schema, String, Int, ...).
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    if (blank(type.description)) add(type.name, '(type)');
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (blank(field.description)) add(type.name, `field ${field.name}`);
        for (const arg of field.args) if (blank(arg.description)) add(type.name, `argument ${field.name}(${arg.name})`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (blank(field.description)) add(type.name, `input field ${field.name}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) if (blank(value.description)) add(type.name, `value ${value.name}`);
    }
  }
  return missing;
}

describe('schema descriptions', () => {
  it('describes every type, field, argument, input field and enum value', async () => {
    const missing = undescribed(await createSchema());
    const count = [...missing.values()].reduce((n, l) => n + l.length, 0);
    // One line per type, so that a failing run lists everything left to write.
    const report = [...missing].sort(([a], [b]) => a.localeCompare(b)).map(([type, items]) => `${type}: ${items.join(', ')}`);
    expect({ count, missing: report }).toEqual({ count: 0, missing: [] });
  });

  it('notices a missing description (the checker itself)', async () => {
    const { buildSchema } = await import('graphql');
    const sdl = buildSchema(`
      "A documented query root." type Query { "ok" a(x: Int): E b: Int }
      "E" enum E { "one" ONE TWO }
    `);
    expect(Object.fromEntries(undescribed(sdl))).toEqual({ Query: ['argument a(x)', 'field b'], E: ['value TWO'] });
  });
});
