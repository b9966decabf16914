import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { createSchema } from '../../../src/schema';
import { SCHEMA_FILE, printSortedSchema } from '../../../src/schema-file';

describe('schema/schema.graphql', () => {
  it('matches the schema the code builds (run `npm run schema` after an API change)', async () => {
    const fromCode = printSortedSchema(await createSchema());
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(fromCode);
  });

  it('keeps the contract entry points and documents every type', async () => {
    const schema = await createSchema();
    const query = schema.getQueryType()!.getFields();
    for (const f of ['node', 'actor', 'actors', 'bond', 'bonds', 'operations', 'operation', 'commons', 'common']) expect(query[f]).toBeDefined();
    const mutation = schema.getMutationType()!.getFields();
    for (const f of ['createActor', 'updateActor', 'deleteActor', 'createBond', 'updateBond', 'deleteBond']) expect(mutation[f]).toBeDefined();
    for (const t of ['Actor', 'Bond', 'Participation', 'Operation', 'Common', 'Indicator', 'Event']) {
      const type = schema.getType(t) as any;
      expect(type.description).toBeTruthy();
      expect(type.getInterfaces().map((i: any) => i.name)).toContain('Node');
    }
  });
});
