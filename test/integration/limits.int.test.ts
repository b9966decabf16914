import { getIntrospectionQuery } from 'graphql';
import { startTestApp, type TestApp } from '../helpers/app';

/** Issue #13: the query limits fail closed, with the default settings, through HTTP. */
describe('query limits that hold (default settings)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  const refusal = (res: { errors?: any[]; data?: any }) => {
    expect(res.data ?? null).toBeNull();
    expect(res.errors).toHaveLength(1);
    return res.errors![0] as { message: string; extensions: Record<string, any> };
  };

  // F1–F4, each spreading the previous one 10 times: over 10,000 selections written out.
  const BOMB = [
    'fragment F1 on Operation { id code name __typename id code name __typename id code name }',
    `fragment F2 on Operation { ${'...F1 '.repeat(10)}}`,
    `fragment F3 on Operation { ${'...F2 '.repeat(10)}}`,
    `fragment F4 on Operation { ${'...F3 '.repeat(10)}}`,
  ].join('\n');
  const EXPENSIVE = 'actors(first: 100) { edges { node { bonds(first: 100) { edges { node { id } } } } } }';

  it('prices an operation with a fragment bomb instead of skipping the cost check', async () => {
    const e = refusal(await t.gql(`${BOMB}\n{ operations { ...F4 } ${EXPENSIVE} }`));
    expect(e.extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(e.extensions.limit).toBe(10000);
    expect(e.extensions.actual).toBe(20302);
    expect(e.message).toContain('MAX_QUERY_COST');
    // The bomb alone is cheap to price and harmless to run (graphql-js collects a fragment once per selection set).
    const alone = await t.gql(`${BOMB}\n{ operations { ...F4 } }`);
    expect(alone.errors).toBeUndefined();
    expect(alone.data.operations).toEqual([]);
  });

  it('keys the remembered cost on the values execution uses: an explicit null is not the default', async () => {
    const q = `query Page($n: Int = 100) { ${EXPENSIVE.replace(/100/g, '$n')} }`;
    const withNull = await t.gql(q, { n: null });
    expect(withNull.errors).toBeUndefined(); // null: default page sizes (20 × 20)
    const e = refusal(await t.gql(q));
    expect(e.extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(e.extensions.actual).toBe(20301);
  });

  it('refuses an invalid Int variable the cost depends on instead of running unpriced', async () => {
    const res = await t.gql(`query($f: Int) { ${EXPENSIVE.replace('first: 100', 'first: $f')} }`, { f: '100' });
    expect(res.data ?? null).toBeNull();
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toContain('$f');
    expect(res.status).toBe(400);
  });

  it('counts root fields inside inline fragments and fragment spreads on the root', async () => {
    const fields = 'operations { id } '.repeat(25);
    for (const q of [`{ ... on Query { ${fields} } }`, `fragment Root on Query { ${fields} } { ...Root }`, `{ ... { ...Root } } fragment Root on Query { ${fields} }`]) {
      const e = refusal(await t.gql(q));
      expect(e.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 20, actual: 25 });
      expect(e.message).toContain('MAX_ROOT_FIELDS');
    }
  });

  it('counts aliases and depth inside introspection', async () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `t${i}: types { fields { name type { name } } }`).join(' ');
    const e = refusal(await t.gql(`{ __schema { ${aliases} } }`));
    expect(e.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 30, actual: 1000 });
    expect(e.message).toContain('MAX_ALIASES');
    let deep = 'name';
    for (let i = 0; i < 16; i++) deep = `ofType { ${deep} }`;
    const d = refusal(await t.gql(`{ __type(name: "Actor") { fields { type { ${deep} } } } }`));
    expect(d.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 15, actual: 20 });
    expect(d.message).toContain('MAX_QUERY_DEPTH');
  });

  it('still answers the standard introspection query that GraphiQL and code generators send', async () => {
    for (const options of [{}, { descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }]) {
      const res = await t.gql(getIntrospectionQuery(options));
      expect(res.errors).toBeUndefined();
      expect(res.data.__schema.types.map((x: any) => x.name)).toContain('Actor');
    }
  });
});
