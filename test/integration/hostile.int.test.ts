import { hostileCases, sendHostile } from '../helpers/hostile';
import { startTestApp, type TestApp } from '../helpers/app';

/** A few hundred seeded hostile requests: no crash, no 5xx, every error with its code, data unchanged. */
describe('hostile input', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true, env: { NODE_ENV: 'production' } });
  });
  afterAll(() => t.stop());

  const snapshot = async () => {
    const s = t.db.session('READ');
    try {
      const r = await s.run("MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() WITH nodes, count(r) AS rels MATCH (s:ChangeSequence {name: 'changes'}) RETURN nodes, rels, s.value AS version, EXISTS { MATCH (x) WHERE x.pwned IS NOT NULL } AS pwned");
      return r.records[0].toObject();
    } finally {
      await s.close();
    }
  };

  it('answers 400 cases of 24 kinds with known codes and changes nothing', async () => {
    const key = await t.key('EDITOR');
    const partner = await t.key('PARTNER', 'hostile');
    const before = await snapshot();
    const byKind = new Map<string, Map<string, number>>();
    const problems: string[] = [];
    const cases = [...hostileCases(400, 7)];
    for (let i = 0; i < cases.length; i += 8) {
      const outcomes = await Promise.all(cases.slice(i, i + 8).map((c) => sendHostile(t.app.url, c, key, partner)));
      outcomes.forEach((o, j) => {
        const c = cases[i + j];
        if (!o.ok) problems.push(`${c.kind}: ${o.problem}`);
        const m = byKind.get(c.kind) ?? new Map<string, number>();
        for (const code of o.codes.length ? o.codes : ['(no error)']) m.set(code, (m.get(code) ?? 0) + 1);
        byKind.set(c.kind, m);
      });
    }
    expect(problems).toEqual([]);
    expect(await snapshot()).toEqual(before);
    // Malicious writes never pass: each write-kind got an error for every case.
    for (const kind of ['injection in writes', 'injection in bond ends', 'injection in sync source', 'control characters in names', 'emoji and oversize in writes', 'delete unknown', 'partner-side structure changes']) {
      expect({ kind, ok: byKind.get(kind)?.get('(no error)') ?? 0 }).toEqual({ kind, ok: 0 });
    }
    // The limits hold against every shape of the new kinds: none of them ran.
    for (const kind of ['fragment fan-out', 'inline-fragment roots', 'introspection aliases']) {
      expect({ kind, ran: byKind.get(kind)?.get('(no error)') ?? 0 }).toEqual({ kind, ran: kind === 'fragment fan-out' ? expect.any(Number) : 0 });
    }
    expect(byKind.get('inline-fragment roots')?.get('QUERY_TOO_COMPLEX')).toBeGreaterThan(0);
    expect([...(byKind.get('partner-side structure changes')?.keys() ?? [])]).toEqual(['FORBIDDEN']);
    const ready = await fetch(t.app.url.replace('/graphql', '/readyz'));
    expect(ready.status).toBe(200);
  });

  it('accepts emoji and non-Latin names in valid writes, and finds them again', async () => {
    const key = await t.key('EDITOR');
    const res = await t.gql(`mutation { createActor(input: { name: "💧 Collectif de l'eau — Ｓａｉｎｔ-Ｏｍｅｒ", kind: COLLECTIVE, sector: CITIZENS }) { id name } }`, {}, key);
    expect(res.errors).toBeUndefined();
    const found = await t.gql(`query($id: ID!) { actor(id: $id) { name } }`, { id: res.data.createActor.id });
    expect(found.data.actor.name).toBe("💧 Collectif de l'eau — Ｓａｉｎｔ-Ｏｍｅｒ");
  });
});
