import 'reflect-metadata';
import { isEnumType, isInputObjectType, isObjectType, type GraphQLNamedType } from 'graphql';
import { createSchema } from '../../../src/schema';

const ROOTS = ['centrality', 'arrangement', 'transversality', 'communities', 'shortestPath', 'egoNetwork', 'network'];
const TYPES = [
  'NetworkScope', 'CentralityMetric', 'GroupBy', 'ActorScore', 'BrokerRoles', 'GroupCount', 'Arrangement', 'ActorCommunity',
  'CommunityReport', 'Subgraph', 'OperationDepartments', 'DepartmentPair', 'TransversalityPoint', 'Transversality',
];

/** What a type of the analytics part of the schema leaves undocumented, as "Type.field" paths. */
function undocumented(type: GraphQLNamedType): string[] {
  const missing = type.description ? [] : [type.name];
  if (isObjectType(type) || isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
  }
  if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
  return missing;
}

describe('the analytics part of the schema', () => {
  it('is nullable at its roots (CONTRACT.md), so a refused analysis leaves the rest of a response', async () => {
    const query = (await createSchema()).getQueryType()!.getFields();
    for (const root of ROOTS) expect([root, String(query[root].type).endsWith('!')]).toEqual([root, false]);
  });

  it('describes every type, field, argument, input field and enum value', async () => {
    const schema = await createSchema();
    const query = schema.getQueryType()!.getFields();
    const missing = TYPES.flatMap((name) => undocumented(schema.getType(name)!));
    for (const root of ROOTS) {
      if (!query[root].description) missing.push(`Query.${root}`);
      for (const arg of query[root].args) if (!arg.description) missing.push(`Query.${root}(${arg.name})`);
    }
    expect(missing).toEqual([]);
  });

  it('says what a weight means for each metric and the asOf rule', async () => {
    const schema = await createSchema();
    const scope = (schema.getType('NetworkScope') as any).getFields();
    expect(scope.weighted.description).toMatch(/length for CLOSENESS and BETWEENNESS.*strength for EIGENVECTOR, PAGERANK, CONSTRAINT, EFFECTIVE_SIZE and modularity.*ignored by DEGREE, density, E-I and brokerage/);
    expect(scope.asOf.description).toMatch(/since ≤ asOf ≤ until, both inclusive.*Absent: every bond/);
  });
});
