/**
 * A seeded generator of malformed and malicious HTTP requests against /graphql. Every case is
 * built so that it must be rejected or be a harmless read: after any number of them the stored
 * data must be exactly as before. Shared by test/integration/hostile.int.test.ts (a few hundred
 * cases) and bench/hostile.ts (10,000+).
 */
import { mulberry32 as rng } from '../../src/common/random';

export interface HostileCase {
  kind: string;
  /** Raw body (string) and content type: the request as a client would send it. */
  body: string;
  contentType: string;
  /** Send the EDITOR key, so that mutations reach validation instead of stopping at auth; `partner`: a PARTNER key of source "hostile". */
  withKey: boolean | 'partner';
}


export const INJECTIONS = [
  "' OR 1=1 //",
  '"}) MATCH (n) DETACH DELETE n //',
  "x'}) DETACH DELETE n WITH 1 AS x MATCH (m) RETURN m //",
  '$id',
  '{{DIR}}',
  '\\u0027; CALL dbms.killQueries([]) //',
  '`; DROP CONSTRAINT actor_id',
  'act_"; MATCH (n) SET n.pwned = true //',
  '*:*',
  'name:* OR description:*',
  '../../etc/passwd',
  '%00%27',
];
/** Dates at and past the edges of the calendar, and impossible ones. */
export const EXTREME_DATES = ['0000-01-01', '9999-12-31', '2014-02-30', '2023-02-29', '2024-13-01', '-000001-01-01', '+275760-09-13', '99999-01-01', '2024-02-29T25:00:00Z', '1970-01-01'];
/** Weights as JSON text: the largest double, past it (JSON.parse reads Infinity), negative, tiny. */
export const EXTREME_WEIGHTS = ['1.7e308', '1e309', '-1e309', '-0.0', '5e-324', '1e12', '1.0000001e12'];

/** F1–F4, each spreading the previous one `fan` times: fan^3 × 11 selections once written out. */
export const fragmentFanOut = (fan: number, on = 'Operation'): string =>
  [`fragment F1 on ${on} { id code name __typename id code name __typename id code name }`, ...[2, 3, 4].map((k) => `fragment F${k} on ${on} { ${`...F${k - 1} `.repeat(fan)}}`)].join(' ');

export const WEIRD = ['💧🌳 Forêt', 'Ａｃｔｅｕｒ', '\u202Eevil', 'a\u0000b', 'x\u0007y', '\u200b', 'é'.repeat(300), '🧪'.repeat(70)];

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

export function* hostileCases(count: number, seed = 1): Generator<HostileCase> {
  const r = rng(seed);
  const json = (query: string, variables?: unknown, withKey = false): HostileCase => ({ kind: '', body: JSON.stringify({ query, variables }), contentType: 'application/json', withKey });
  const text = () => pick(r, [...INJECTIONS, ...WEIRD]);
  const makers: Array<[string, () => HostileCase]> = [
    ['invalid JSON', () => ({ kind: '', body: pick(r, ['{', '{"query": ', 'null', '[]', '"str"', '{"query": 5}', '\u0000\u0001', '{"query":"{ operations { id } }",}']), contentType: 'application/json', withKey: false })],
    ['wrong content type', () => ({ kind: '', body: JSON.stringify({ query: '{ operations { id } }' }), contentType: pick(r, ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml']), withKey: false })],
    ['huge body', () => ({ kind: '', body: JSON.stringify({ query: '{ operations { id } }', pad: 'x'.repeat(1_100_000) }), contentType: 'application/json', withKey: false })],
    ['deep nesting', () => {
      const depth = 13 + Math.floor(r() * 30);
      let q = 'id';
      for (let i = 0; i < depth; i++) q = i % 2 ? `bonds(first: 1) { edges { node { from { ${q} } } } }` : `name ${q}`;
      return json(`{ actors(first: 1) { edges { node { ${q} } } } }`);
    }],
    ['alias bomb', () => json(`{ ${Array.from({ length: 31 + Math.floor(r() * 200) }, (_, i) => `a${i}: operations { id }`).join(' ')} }`)],
    ['fragment bomb', () => {
      const n = 10 + Math.floor(r() * 20);
      return json(`${Array.from({ length: n }, (_, i) => `fragment F${i} on Actor { name ...F${i + 1} ...F${i + 1} }`).join(' ')} fragment F${n} on Actor { id } { actors(first: 1) { edges { node { ...F0 } } } }`);
    }],
    ['cyclic fragments', () => json('fragment A on Actor { name ...B } fragment B on Actor { id ...A } { actors { edges { node { ...A } } } }')],
    ['wrong enum', () => json('query($s: [Sector!]) { actors(filter: { sectors: $s }) { totalCount } }', { s: [pick(r, ['NOPE', 'economic', '', 'ECONOMIC; DROP', 5, null])] })],
    ['invalid or foreign id', () => json('query($id: ID!) { node(id: $id) { id } actor(id: $id) { id } bond(id: $id) { id } }', { id: pick(r, [...INJECTIONS, 'act_00000000000000000000', 'bnd_zz', '', 'x'.repeat(5000), 'op_FOOD']) })],
    ['bad page size', () => json('query($f: Int, $l: Int) { actors(first: $f, last: $l) { totalCount } }', pick(r, [{ f: -1 }, { f: 101 }, { f: 2 ** 31 - 1 }, { l: -5 }, { f: 5, l: 5 }, { f: 1.5 }, { f: '10' }]))],
    ['injection in reads', () => json('query($t: String!) { actors(search: $t, filter: { source: $t, territory: $t, tags: [$t], common: $t }) { totalCount } operation(code: $t) { id } common(code: $t) { id } }', { t: text() })],
    ['injection in cursors', () => json('query($c: String!) { actors(first: 5, after: $c) { totalCount } }', { c: pick(r, [text(), Buffer.from(JSON.stringify(["x' OR 1=1", 'act_1'])).toString('base64url'), Buffer.from('[1,2,3]').toString('base64url')]) })],
    ['injection in writes', () => json('mutation($t: String!) { updateActor(id: $t, input: { name: $t }) { id } }', { t: text() }, true)],
    ['injection in bond ends', () => json('mutation($t: ID!) { createBond(input: { kind: FUNDS, from: $t, to: $t }) { id } }', { t: text() }, true)],
    ['injection in sync source', () => json('mutation($s: String!) { syncActors(source: $s, actors: [{ externalId: "x", name: "n", kind: ORGANIZATION, sector: ECONOMIC }]) { created } }', { s: pick(r, INJECTIONS) }, true)],
    ['control characters in names', () => json('mutation($n: String!) { createActor(input: { name: $n, kind: ORGANIZATION, sector: ECONOMIC }) { id } }', { n: pick(r, ['a\u0000b', 'x\u0007y', 'tab\there', 'line\nbreak', '\u001b[31mred']) }, true)],
    ['emoji and oversize in writes', () => json('mutation($n: String!) { createActor(input: { name: $n, kind: PERSON, sector: CITIZENS, email: "not-an-email" }) { id } }', { n: pick(r, WEIRD) }, true)],
    ['unknown fields and operations', () => json(pick(r, ['{ nope }', 'mutation { dropDatabase }', 'subscription { x }', '{ __schema { types { name } } }', '{ actors(filter: { evil: 1 }) { totalCount } }', '']))],
    ['fragment fan-out', () => json(`${fragmentFanOut(5 + Math.floor(r() * 20))} { operations { ...F4 } ${pick(r, ['', 'actors(first: 100) { edges { node { bonds(first: 100) { edges { node { id } } } } } }', 'centrality(metric: DEGREE, top: 100) { actor { bonds(first: 100) { totalCount } } }'])} }`)],
    ['inline-fragment roots', () => {
      const n = 21 + Math.floor(r() * 100);
      const fields = Array.from({ length: n }, (_, i) => `r${i}: operations { id }`).join(' ');
      return json(pick(r, [`{ ... on Query { ${fields} } }`, `fragment Root on Query { ${fields} } { ...Root }`, `{ ... { ... on Query { ${fields} } } }`]));
    }],
    ['introspection aliases', () => {
      const n = 31 + Math.floor(r() * 1000);
      return json(pick(r, [
        `{ __schema { ${Array.from({ length: n }, (_, i) => `t${i}: types { fields { name type { name } } }`).join(' ')} } }`,
        `{ ${Array.from({ length: n }, (_, i) => `s${i}: __schema { queryType { name } }`).join(' ')} }`,
        `{ __type(name: "Actor") { fields { type { ${'ofType { '.repeat(20)}name${' }'.repeat(20)} } } } }`,
      ]));
    }],
    ['extreme dates and weights in writes', () => {
      // Raw JSON text, so that 1e309 reaches the server as written.
      const date = () => JSON.stringify(pick(r, EXTREME_DATES));
      const weight = pick(r, EXTREME_WEIGHTS);
      const body = pick(r, [
        `{"query":"mutation($b: [BondSyncInput!]!) { syncBonds(source: \\"hostile\\", bonds: $b, dryRun: true) { created items { status } } }","variables":{"b":[{"externalId":"x1","kind":"FUNDS","from":{"externalId":"a"},"to":{"externalId":"b"},"since":${date()},"until":${date()},"weight":${weight}}]}}`,
        `{"query":"mutation($i: CreateBondInput!) { createBond(input: $i) { id } }","variables":{"i":{"kind":"ADVISES","from":"act_00000000000000000000","to":"act_00000000000000000001","since":${date()},"until":${date()},"weight":${weight}}}}`,
        `{"query":"query($d: Date) { transversality(asOf: $d) { __typename } actors(first: 1) { totalCount } }","variables":{"d":${date()}}}`,
      ]);
      return { kind: '', body, contentType: 'application/json', withKey: true };
    }],
    ['partner-side structure changes', () => {
      // A PARTNER key reaching for the program's own structure: departments, governance bodies, lead roles, the program's source.
      const c = pick(r, [
        ['mutation { createActor(input: { name: "Direction pirate", kind: DEPARTMENT, sector: PUBLIC_ADMINISTRATION }) { id } }', undefined],
        ['mutation { syncActors(source: "hostile", actors: [{ externalId: "g", name: "Comité pirate", kind: GOVERNANCE_BODY, sector: POLITICAL }]) { created } }', undefined],
        ['mutation($a: ID!, $o: ID!) { createParticipation(input: { actor: $a, operation: $o, role: LEAD_DEPARTMENT }) { id } }', { a: 'act_00000000000000000000', o: 'op_00000000000000000000' }],
        ['mutation { createActor(input: { name: "Conseil bis", kind: ORGANIZATION, sector: POLITICAL, source: "tesr" }) { id } }', undefined],
      ] as const);
      return { ...json(c[0], c[1]), withKey: 'partner' };
    }],
    ['delete unknown', () => json('mutation($id: ID!) { deleteActor(id: $id) { id } deleteBond(id: $id) { id } }', { id: pick(r, [...INJECTIONS, 'act_00000000000000000000']) }, true)],
  ];
  for (let i = 0; i < count; i++) {
    const [kind, make] = makers[i % makers.length];
    yield { ...make(), kind };
  }
}

/** Codes a rejected request may carry. */
export const KNOWN_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'QUERY_TOO_COMPLEX',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
]);

export interface HostileOutcome {
  status: number;
  codes: string[];
  ok: boolean;
  problem: string | null;
}

/** Sends one case and judges the answer: no 5xx, JSON, every error with a known code, no stack trace. */
export async function sendHostile(url: string, c: HostileCase, key: string, partnerKey: string = key): Promise<HostileOutcome> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: { 'content-type': c.contentType, 'apollo-require-preflight': 'true', ...(c.withKey ? { authorization: `Bearer ${c.withKey === 'partner' ? partnerKey : key}` } : {}) }, body: c.body });
  } catch (err) {
    return { status: 0, codes: [], ok: false, problem: `no answer: ${(err as Error).message}` };
  }
  const raw = await res.text();
  let body: any;
  try {
    body = JSON.parse(raw);
  } catch {
    return { status: res.status, codes: [], ok: false, problem: `not JSON: ${raw.slice(0, 120)}` };
  }
  const errors: any[] = body.errors ?? [];
  const codes = errors.map((e) => String(e.extensions?.code ?? 'NONE'));
  let problem: string | null = null;
  if (res.status >= 500) problem = `HTTP ${res.status}`;
  else if (codes.some((c) => !KNOWN_CODES.has(c))) problem = `unexpected codes ${codes.join(',')}: ${errors[0]?.message}`;
  else if (raw.includes('stacktrace') || /at .*\.(ts|js):\d+/.test(raw)) problem = 'stack trace in the answer';
  return { status: res.status, codes, ok: problem === null, problem };
}
