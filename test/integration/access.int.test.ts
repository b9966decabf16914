import { startTestApp, type TestApp } from '../helpers/app';

type Who = 'ANONYMOUS' | 'VIEWER' | 'ANALYST' | 'EDITOR' | 'PARTNER' | 'ADMIN';
const WHO: Who[] = ['ANONYMOUS', 'VIEWER', 'ANALYST', 'EDITOR', 'PARTNER', 'ADMIN'];

/**
 * The role × operation matrix: every role tries every kind of operation; the expected outcome is
 * ok, UNAUTHENTICATED or FORBIDDEN. PARTNER keys are bound to source "partner".
 */
describe('access control', () => {
  let t: TestApp;
  const keys: Partial<Record<Who, string>> = {};
  let editorActor: string;
  let partnerActor: string;
  let person: string;

  beforeAll(async () => {
    t = await startTestApp();
    for (const w of WHO) if (w !== 'ANONYMOUS') keys[w] = await t.key(w, w === 'PARTNER' ? 'partner' : undefined);
    editorActor = (await t.gql(`mutation { createActor(input: { name: "Editor's", kind: ORGANIZATION, sector: ECONOMIC }) { id } }`, {}, keys.EDITOR)).data.createActor.id;
    partnerActor = (await t.gql(`mutation { createActor(input: { name: "Partner's", kind: ORGANIZATION, sector: ECONOMIC, source: "partner" }) { id } }`, {}, keys.EDITOR)).data.createActor.id;
    person = (await t.gql(`mutation { createActor(input: { name: "P", kind: PERSON, sector: CITIZENS, email: "p@example.org" }) { id } }`, {}, keys.EDITOR)).data.createActor.id;
  });
  afterAll(() => t.stop());

  const cases: Array<{ name: string; query: () => [string, Record<string, unknown>?]; allowed: Who[] }> = [
    { name: 'read actors', query: () => [`{ actors(first: 1) { totalCount } }`], allowed: WHO },
    { name: 'create actor (own/default source)', query: () => [`mutation { createActor(input: { name: "x", kind: ORGANIZATION, sector: ECONOMIC }) { id } }`], allowed: ['EDITOR', 'PARTNER', 'ADMIN'] },
    { name: 'create actor in another source', query: () => [`mutation { createActor(input: { name: "x", kind: ORGANIZATION, sector: ECONOMIC, source: "elsewhere" }) { id } }`], allowed: ['EDITOR', 'ADMIN'] },
    { name: "update another source's actor", query: () => [`mutation($id: ID!) { updateActor(id: $id, input: { description: "d" }) { id } }`, { id: editorActor }], allowed: ['EDITOR', 'ADMIN'] },
    { name: "update the partner's own actor", query: () => [`mutation($id: ID!) { updateActor(id: $id, input: { description: "d" }) { id } }`, { id: partnerActor }], allowed: ['EDITOR', 'PARTNER', 'ADMIN'] },
    { name: 'sync own source', query: () => [`mutation { syncActors(source: "partner", actors: [{ externalId: "s1", name: "S", kind: ORGANIZATION, sector: ECONOMIC }]) { created updated unchanged } }`], allowed: ['EDITOR', 'PARTNER', 'ADMIN'] },
    { name: 'sync another source', query: () => [`mutation { syncActors(source: "other", actors: [{ externalId: "s1", name: "S", kind: ORGANIZATION, sector: ECONOMIC }]) { created updated unchanged } }`], allowed: ['EDITOR', 'ADMIN'] },
    { name: 'read the change feed', query: () => [`{ changes(first: 1) { headSeq } }`], allowed: ['ANALYST', 'EDITOR', 'PARTNER', 'ADMIN'] },
  ];

  for (const c of cases) {
    it(`${c.name}: allowed to ${c.allowed.join(', ')}`, async () => {
      for (const who of WHO) {
        const [q, v] = c.query();
        const res = await t.gql(q, v, keys[who]);
        const code = res.errors?.[0]?.extensions?.code;
        if (c.allowed.includes(who)) {
          expect({ who, errors: res.errors }).toEqual({ who, errors: undefined });
        } else {
          expect({ who, code }).toEqual({ who, code: who === 'ANONYMOUS' ? 'UNAUTHENTICATED' : 'FORBIDDEN' });
          expect(res.errors![0].message).toMatch(/EDITOR|ADMIN/);
        }
      }
    });
  }

  it('shows personal data to EDITOR and ADMIN only', async () => {
    for (const who of WHO) {
      const res = await t.gql(`query($id: ID!) { actor(id: $id) { name email } }`, { id: person }, keys[who]);
      expect({ who, email: res.data.actor.email }).toEqual({ who, email: ['EDITOR', 'ADMIN'].includes(who) ? 'p@example.org' : null });
    }
  });

  it('stores keys hashed and honours revocation', async () => {
    const { createKey, revokeKey } = await import('../../src/auth/key.service');
    const k = await createKey(t.db, 'EDITOR' as any, null, 'to revoke');
    const s = t.db.session('READ');
    const stored = await s.run('MATCH (k:ApiKey {id: $id}) RETURN properties(k) AS p', { id: k.id });
    await s.close();
    expect(JSON.stringify(stored.records[0].get('p'))).not.toContain(k.secret);
    expect((await t.gql(`{ changes(first: 1) { headSeq } }`, {}, k.secret)).errors).toBeUndefined();
    expect(await revokeKey(t.db, k.id)).toBe(true);
    await new Promise((r) => setTimeout(r, 5_100)); // the key cache trusts a resolved key for 5 s
    const after = await t.gql(`{ changes(first: 1) { headSeq } }`, {}, k.secret);
    expect(after.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('accepts HS256 JWTs mapped to roles when a secret is configured', async () => {
    const { createHmac } = await import('node:crypto');
    const secret = 'x'.repeat(40);
    const app = await startTestApp({ env: { AUTH_JWT_SECRET: secret } });
    try {
      const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const sign = (claims: object) => {
        const h = enc({ alg: 'HS256', typ: 'JWT' });
        const p = enc(claims);
        return `${h}.${p}.${createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url')}`;
      };
      const ok = await app.gql(`{ changes(first: 1) { headSeq } }`, {}, sign({ role: 'ANALYST', sub: 'ana', exp: Math.floor(Date.now() / 1000) + 60 }));
      expect(ok.errors).toBeUndefined();
      const expired = await app.gql(`{ changes(first: 1) { headSeq } }`, {}, sign({ role: 'ANALYST', exp: 1 }));
      expect(expired.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
      const forged = sign({ role: 'ADMIN' }).slice(0, -2) + 'xx';
      expect((await app.gql(`{ changes(first: 1) { headSeq } }`, {}, forged)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    } finally {
      await app.stop();
    }
  });
});

describe('bounded queries', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { MAX_QUERY_DEPTH: '6', MAX_ALIASES: '5', MAX_ROOT_FIELDS: '4', MAX_QUERY_COST: '3000', MAX_BODY_BYTES: '20000' } });
  });
  afterAll(() => t.stop());

  const expectTooComplex = (res: any, limit: number) => {
    expect(res.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(res.errors[0].extensions.limit).toBe(limit);
    expect(res.errors[0].message).toContain(String(limit));
  };

  it('limits depth, also through fragments', async () => {
    expectTooComplex(await t.gql(`{ actors { edges { node { bonds { edges { node { from { name } } } } } } } }`), 6);
    expectTooComplex(await t.gql(`fragment F on Bond { from { bonds { edges { node { id } } } } } { actors { edges { node { bonds { edges { node { ...F } } } } } } }`), 6);
  });
  it('limits aliases and root fields', async () => {
    expectTooComplex(await t.gql(`{ a: operations { id } b: operations { id } c: operations { id } d: operations { id } e: operations { id } f: operations { code } }`), 4);
    expectTooComplex(await t.gql(`{ operations { a: id b: id c: id d: id e: id f: id } }`), 5);
  });
  it('limits cost, multiplying lists by their page size', async () => {
    const res = await t.gql(`{ actors(first: 100) { edges { node { bonds(first: 50) { edges { cursor } } } } } }`);
    expectTooComplex(res, 3000);
    expect(res.errors![0].extensions!.actual).toBe(5301);
    const ok = await t.gql(`{ actors(first: 10) { edges { node { bonds(first: 10) { edges { cursor } } } } } }`);
    expect(ok.errors).toBeUndefined();
  });
  it('prices the same document anew for other page sizes and @include conditions (the cost is remembered per variables)', async () => {
    const doc = `query Page($n: Int, $m: Int!, $deep: Boolean!) {
      actors(first: $n) { edges { node { bonds(first: $m) { edges { cursor } } ...Deep @include(if: $deep) } } }
    }
    fragment Deep on Actor { participations { id } }`;
    const verdicts: Array<number | null> = [];
    const runs = [{ n: 10, m: 10, deep: false }, { n: 100, m: 50, deep: false }, { n: 10, m: 10, deep: false }, { n: 62, m: 45, deep: false }, { n: 62, m: 45, deep: true }, { n: 62, m: 45, deep: false }];
    for (const v of runs) {
      const res = await t.gql(doc, v);
      verdicts.push(res.errors ? res.errors[0].extensions!.actual : null);
    }
    // 1 + n × (3 + m) without the fragment, 1 + n × (4 + m) with it: 62 × 48 + 1 = 2977 fits, 62 × 49 + 1 = 3039 does not.
    expect(verdicts).toEqual([null, 5301, null, null, 3039, null]);
  });
  it('rejects cyclic fragments and fragment bombs without running them', async () => {
    const cyc = await t.gql(`fragment A on Actor { ...B } fragment B on Actor { ...A } { actors { edges { node { ...A } } } }`);
    expect(cyc.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const defs = Array.from({ length: 30 }, (_, i) => `fragment F${i} on Actor { name ...F${i + 1} ...F${i + 1} }`).join(' ') + ' fragment F30 on Actor { id }';
    const bomb = await t.gql(`${defs} { actors(first: 1) { edges { node { ...F0 } } } }`);
    expect(bomb.status).toBeLessThan(500);
  });
  it('refuses oversized and malformed bodies with a JSON error', async () => {
    const big = await fetch(t.app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ operations { id } }`, pad: 'x'.repeat(30000) }) });
    expect(big.status).toBe(413);
    const body: any = await big.json();
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toMatch(/20000/);
    const broken = await fetch(t.app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
