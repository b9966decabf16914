import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { startTestApp, type TestApp } from '../helpers/app';
import { cypher, CYPHER_DIR } from '../../src/db/cypher';
import { bundleColumns } from '../../src/db/bundle';
import { createLoaders } from '../../src/loaders';
import { actorOrCardFromValues, isActorCard } from '../../src/actors/actor.record';
import { nameKey } from '../../src/actors/actor.model';

/** The foundation, read side: the demo graph, Relay paging, search, node(id), batching. */
describe('reading the TESR graph', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
  });
  afterAll(() => t.stop());

  it('serves the 9 operations with their seed names and 200+ actors', async () => {
    const res = await t.gql(`{ operations { code name } actors(first: 5) { totalCount } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.operations.map((o: any) => o.name).sort()).toEqual(
      [
        'Gouvernance alimentaire',
        'Valorisation de la forêt et filière bois',
        "L'eau dans l'Audomarois",
        'Stratégie énergétique',
        'Lutte contre le diabète',
        'Plan 100 000 Logements : rénovation thermique des bâtiments',
        'Euralens et la Cité du Louvre',
        'Lycée du 3e millénaire',
        'Filière de démantèlement du nucléaire',
      ].sort(),
    );
    expect(res.data.actors.totalCount).toBeGreaterThanOrEqual(200);
  });

  it('gives each operation its lead department, project lead, commons and indicators', async () => {
    const res = await t.gql(`{ operation(code: "FOREST_WOOD") { name leadDepartment { kind } projectLead { kind } commons { code } indicators { name value unit } } }`);
    const op = res.data.operation;
    expect(op.leadDepartment.kind).toBe('DEPARTMENT');
    expect(op.projectLead.kind).toBe('PERSON');
    expect(op.commons.map((c: any) => c.code)).toContain('FOREST');
    expect(op.indicators.find((i: any) => i.value === 1000)).toBeTruthy();
  });

  it('pages through every actor 50 at a time, forward and backward, each exactly once', async () => {
    const q = `query($first: Int, $after: String, $last: Int, $before: String) {
      actors(first: $first, after: $after, last: $last, before: $before) {
        totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
    const forward: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let i = 0; i < 20; i++) {
      const res: any = await t.gql(q, { first: 50, after });
      expect(res.errors).toBeUndefined();
      total = res.data.actors.totalCount;
      forward.push(...res.data.actors.edges.map((e: any) => e.node.id));
      expect(res.data.actors.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!res.data.actors.pageInfo.hasNextPage) break;
      after = res.data.actors.pageInfo.endCursor;
    }
    expect(forward.length).toBe(total);
    expect(new Set(forward).size).toBe(total);

    const backward: string[] = [];
    let before: string | null = null;
    for (let i = 0; i < 20; i++) {
      const res: any = await t.gql(q, { last: 50, before });
      const ids = res.data.actors.edges.map((e: any) => e.node.id);
      backward.unshift(...ids);
      if (!res.data.actors.pageInfo.hasPreviousPage) break;
      before = res.data.actors.pageInfo.startCursor;
    }
    expect(backward).toEqual(forward);
  });

  it('sorts by name descending and pages consistently', async () => {
    const res = await t.gql(`{ actors(first: 30, orderBy: { field: NAME, direction: DESC }) { edges { node { name } } pageInfo { endCursor } } }`);
    const names = res.data.actors.edges.map((e: any) => e.node.name);
    // French order (issue #18 §3): accents and case do not count, so « Société d'économie » sorts before « Société d'investissement ».
    const key = (n: string) => nameKey(n);
    const sorted = [...names].sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0));
    expect(names).toEqual(sorted);
    const next = await t.gql(`query($a: String) { actors(first: 1, after: $a, orderBy: { field: NAME, direction: DESC }) { edges { node { name } } } }`, { a: res.data.actors.pageInfo.endCursor });
    expect(key(next.data.actors.edges[0].node.name) <= key(names[names.length - 1])).toBe(true);
  });

  it('filters by sector, kind, operation, common, tags and territory', async () => {
    const ops = await t.gql(`{ operation(code: "FOOD_GOVERNANCE") { id } }`);
    const res = await t.gql(
      `query($op: ID) {
        citizens: actors(filter: { sectors: [CITIZENS] }, first: 100) { totalCount edges { node { sector } } }
        depts: actors(filter: { kinds: [DEPARTMENT] }, first: 100) { totalCount edges { node { kind } } }
        food: actors(filter: { operation: $op }, first: 100) { totalCount edges { node { operations { code } } } }
        water: actors(filter: { common: "WATER" }, first: 1) { totalCount }
        fictional: actors(filter: { tags: ["fictional"] }, first: 1) { totalCount }
        audomarois: actors(filter: { territory: "Audomarois" }, first: 100) { totalCount edges { node { territory } } }
      }`,
      { op: ops.data.operation.id },
    );
    const d = res.data;
    expect(d.citizens.totalCount).toBeGreaterThan(0);
    expect(d.citizens.edges.every((e: any) => e.node.sector === 'CITIZENS')).toBe(true);
    expect(d.depts.edges.every((e: any) => e.node.kind === 'DEPARTMENT')).toBe(true);
    expect(d.food.totalCount).toBeGreaterThan(10);
    expect(d.food.edges.every((e: any) => e.node.operations.some((o: any) => o.code === 'FOOD_GOVERNANCE'))).toBe(true);
    expect(d.water.totalCount).toBeGreaterThan(0);
    expect(d.fictional.totalCount).toBeGreaterThanOrEqual(200);
    expect(d.audomarois.edges.every((e: any) => e.node.territory === 'Audomarois')).toBe(true);
  });

  it('finds French names without accents ("foret" → Forêt, "lycee" → Lycée)', async () => {
    const res = await t.gql(`{ f: actors(search: "foret", first: 20) { totalCount edges { node { name description } } } l: actors(search: "lycee", first: 20) { edges { node { name } } } }`);
    expect(res.data.f.totalCount).toBeGreaterThan(0);
    expect(res.data.f.edges.some((e: any) => /forêt/i.test(e.node.name + ' ' + (e.node.description ?? '')))).toBe(true);
    expect(res.data.l.edges.some((e: any) => /Lycée/.test(e.node.name))).toBe(true);
  });

  it('serves the first search page in one query that ranks only the hits that can be on it, the same page as ranking them all', async () => {
    const s = t.db.session('READ');
    const paths = new Set<string>();
    try {
      for (const word of ['foret', 'eau', 'association', 'commune', 'lycee']) {
        const all = await s.run(
          `CALL db.index.fulltext.queryNodes('actor_search', $q, {limit: 1000}) YIELD node, score RETURN node.id AS id ORDER BY score DESC, id ASC`,
          { q: `+(${word} OR ${word}*)` },
        );
        const ranked = all.records.map((r) => r.get('id'));
        for (const n of [1, 2, 3, 5, 10, 20]) {
          const names: string[] = [];
          const off = t.db.onQuery((name) => names.push(name));
          const res = await t.gql(`query($q: String!, $n: Int) { actors(search: $q, first: $n) { edges { node { id } } pageInfo { hasNextPage } } }`, { q: word, n });
          off();
          expect(res.errors).toBeUndefined();
          expect(res.data.actors.edges.map((e: any) => e.node.id)).toEqual(ranked.slice(0, n));
          expect(res.data.actors.pageInfo.hasNextPage).toBe(ranked.length > n);
          paths.add(names.join('+'));
        }
      }
    } finally {
      await s.close();
    }
    // Every first page is one query that ranks only the hits that can be on it.
    expect(paths).toEqual(new Set(['actors/search-first']));
  });

  it('accepts automatic persisted queries: a hash alone once the query is known, over POST and cacheable GET', async () => {
    const { createHash } = await import('node:crypto');
    const query = '{ operations { code } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const ext = { persistedQuery: { version: 1, sha256Hash } };
    const post = (body: unknown) => fetch(t.app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json() as Promise<any>);
    const unknown = await post({ extensions: ext });
    expect(unknown.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await post({ query, extensions: ext });
    expect(registered.data.operations).toHaveLength(9);
    const byHash = await post({ extensions: ext });
    expect(byHash.data).toEqual(registered.data);
    // GET with only the hash: what a CDN can cache (Apollo's CSRF guard wants a preflight header).
    const get = await fetch(`${t.app.url}?extensions=${encodeURIComponent(JSON.stringify(ext))}`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(200);
    expect(((await get.json()) as any).data).toEqual(registered.data);
    const mismatch = await post({ query: '{ operations { id } }', extensions: ext });
    expect(mismatch.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(mismatch.errors[0].message).toMatch(/sha does not match/);
  });

  it('treats search text as words, never as query syntax', async () => {
    const res = await t.gql(`{ actors(search: "forêt) OR (* AND \\"", first: 5) { totalCount } }`);
    expect(res.errors).toBeUndefined();
  });

  it('rejects oversized and contradictory page arguments and foreign cursors with BAD_USER_INPUT', async () => {
    const big = await t.gql(`{ actors(first: 101) { totalCount } }`);
    expect(big.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(big.errors![0].message).toMatch(/100/);
    const neg = await t.gql(`{ actors(first: -1) { totalCount } }`);
    expect(neg.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const both = await t.gql(`{ actors(first: 5, last: 5) { totalCount } }`);
    expect(both.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const cursor = await t.gql(`{ actors(first: 5, after: "not-a-cursor") { totalCount } }`);
    expect(cursor.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(cursor.errors![0].extensions!.field).toBe('after');
  });

  it('resolves every entity through node(id), and null for unknown or foreign ids', async () => {
    const res = await t.gql(`{ operations { id commons { id } indicators { id } participations(first: 1) { edges { node { id } } } }
      actors(first: 1, filter: { kinds: [ORGANIZATION] }) { edges { node { id bonds(first: 1) { edges { node { id } } } } } } events { id } }`);
    const op = res.data.operations[0];
    const actor = res.data.actors.edges[0].node;
    const ids = [op.id, op.commons[0].id, op.indicators[0].id, op.participations.edges[0].node.id, actor.id, actor.bonds.edges[0].node.id, res.data.events[0].id];
    for (const id of ids) {
      const n = await t.gql(`query($id: ID!) { node(id: $id) { __typename id } }`, { id });
      expect(n.errors).toBeUndefined();
      expect(n.data.node.id).toBe(id);
    }
    const none = await t.gql(`{ a: node(id: "act_00000000000000000000") { id } b: node(id: "'; MATCH (n) DETACH DELETE n //") { id } c: actor(id: "nope") { id } }`);
    expect(none.errors).toBeUndefined();
    expect(none.data).toEqual({ a: null, b: null, c: null });
  });

  it('costs the same few round trips for a page of 10 or 50 actors with bonds and operations (no N+1)', async () => {
    const q = `query($n: Int) { actors(first: $n) { totalCount edges { node { id name
      bonds(first: 20) { totalCount edges { node { kind from { name } to { name } } } }
      operations { code commons { code } } participations { role } } } } }`;
    const count = async (n: number) => {
      let trips = 0;
      const off = t.db.onQuery(() => trips++);
      const res = await t.gql(q, { n });
      off();
      expect(res.errors).toBeUndefined();
      expect(res.data.actors.edges.length).toBe(n);
      return trips;
    };
    const ten = await count(10);
    const fifty = await count(50);
    expect(fifty).toBe(ten);
    expect(fifty).toBeLessThanOrEqual(10);
    console.log(`Cypher round trips for a page of 50 actors with bonds, ends, operations, commons: ${fifty}`);
  });

  it('answers an actor page (actor, bonds with their other end, operations, commons) in one bundled query, as node(id) does in waves', async () => {
    const { data } = await t.gql(`{ actors(first: 40, filter: { kinds: [ORGANIZATION] }) { edges { node { id bondCount participations { id } } } } }`);
    const fields = `id name sector tags
      bonds(first: 5, direction: BOTH) { totalCount edges { cursor node { id kind other(actor: $id) { id name } } } pageInfo { hasNextPage endCursor } }
      operations { code commons { code } } participations { role }`;
    const busy = data.actors.edges.map((e: any) => e.node).filter((a: any) => a.bondCount > 5 && a.participations.length > 0).slice(0, 3);
    expect(busy.length).toBe(3);
    for (const node of busy) {
      const names: string[] = [];
      const off = t.db.onQuery((n) => names.push(n));
      const page = await t.gql(`query($id: ID!) { actor(id: $id) { ${fields} } }`, { id: node.id });
      off();
      expect(page.errors).toBeUndefined();
      // One query for the page's content; totalCount (asked for) is the only other read.
      expect(names.filter((n) => n !== 'bonds/count-of-actors')).toEqual(['bundle(actors/by-ids+bonds/of-actors+participations/of-actors)']);
      expect(page.data.actor.bonds.edges.length).toBe(5);
      expect(page.data.actor.operations.length).toBeGreaterThan(0);
      // node(id) has no look-ahead: its children load wave after wave, the answer must be the same.
      const viaNode = await t.gql(`query($id: ID!) { node(id: $id) { ... on Actor { ${fields} } } }`, { id: node.id });
      expect(viaNode.data.node).toEqual(page.data.actor);
      // Paging on from the prefetched page still works.
      const next = await t.gql(`query($id: ID!, $after: String) { actor(id: $id) { bonds(first: 5, after: $after) { edges { node { id } } } } }`, { id: node.id, after: page.data.actor.bonds.pageInfo.endCursor });
      const firstIds = page.data.actor.bonds.edges.map((e: any) => e.node.id);
      for (const e of next.data.actor.bonds.edges) expect(firstIds).not.toContain(e.node.id);
    }
  });

  it('answers an operation page by code in one bundled query once the code is known, with the same participants', async () => {
    const { data } = await t.gql(`{ operations { id code } }`);
    const fields = `code participations(first: 30, roles: [PARTNER, CONTRIBUTOR, BENEFICIARY]) { edges { node { id role actor { id name sector } } } }`;
    for (const op of data.operations) {
      const names: string[] = [];
      const off = t.db.onQuery((n) => names.push(n));
      const page = await t.gql(`query($code: String!) { operation(code: $code) { ${fields} } }`, { code: op.code });
      off();
      expect(page.errors).toBeUndefined();
      expect(names).toEqual(['bundle(operations/by-codes+participations/of-operations)']);
      const viaNode = await t.gql(`query($id: ID!) { node(id: $id) { ... on Operation { ${fields} } } }`, { id: op.id });
      expect(viaNode.data.node).toEqual(page.data.operation);
    }
  });

  it('reads actor cards for pages that show only card fields, full actors otherwise, with the same answers', async () => {
    expect(cypher('actors/search-first', { ACTOR: 'CARD' })).toContain('RETURN [a.id, a.name, a.kind, a.sector, a.territory] AS actor');
    expect(cypher('actors/search-first', { ACTOR: 'CARD' })).not.toContain('a.description');
    expect(cypher('actors/search-first')).toContain('a.description');
    const editor = await t.key('EDITOR');
    const pick = (o: any, keys: string[]) => Object.fromEntries(keys.map((k) => [k, o[k]]));
    const card = ['id', 'name', 'kind', 'sector', 'territory'];
    // Search (cards) vs the same search asking for more fields (full).
    const q = (fields: string) => `{ actors(search: "foret", first: 10) { edges { node { ${fields} } } } }`;
    const cards = await t.gql(q(card.join(' ')), {}, editor);
    const full = await t.gql(q(`${card.join(' ')} description email tags version`), {}, editor);
    expect(cards.data.actors.edges.map((e: any) => e.node)).toEqual(full.data.actors.edges.map((e: any) => pick(e.node, card)));
    // An operation page's participants, and an actor page's bond ends.
    const { data } = await t.gql(`{ operations { code } actors(first: 1, filter: { kinds: [ORGANIZATION] }) { edges { node { id } } } }`);
    const op = (fields: string) => `query($code: String!) { operation(code: $code) { participations(first: 50) { edges { node { id actor { ${fields} } } } } } }`;
    const opCards = await t.gql(op('id name sector'), { code: data.operations[0].code }, editor);
    const opFull = await t.gql(op('id name sector description email'), { code: data.operations[0].code }, editor);
    expect(opCards.data.operation.participations.edges.length).toBeGreaterThan(10);
    expect(opCards.data.operation.participations.edges.map((e: any) => e.node.actor)).toEqual(opFull.data.operation.participations.edges.map((e: any) => pick(e.node.actor, ['id', 'name', 'sector'])));
    expect(opFull.data.operation.participations.edges.some((e: any) => e.node.actor.description)).toBe(true);
    const id = data.actors.edges[0].node.id;
    const bonds = (fields: string) => `query($id: ID!) { actor(id: $id) { bonds(first: 20) { edges { node { id from { ${fields} } to { id } other(actor: $id) { ${fields} } } } } } }`;
    const bondCards = await t.gql(bonds('id name'), { id }, editor);
    const bondFull = await t.gql(bonds('id name description'), { id }, editor);
    expect(bondCards.errors).toBeUndefined();
    expect(bondCards.data.actor.bonds.edges.map((e: any) => [e.node.from, e.node.other])).toEqual(
      bondFull.data.actor.bonds.edges.map((e: any) => [pick(e.node.from, ['id', 'name']), pick(e.node.other, ['id', 'name'])]),
    );
  });

  it('resolves any field of an actor card from the full record (the safety net behind cards)', async () => {
    const { data } = await t.gql(`{ actors(first: 1, filter: { kinds: [PERSON] }) { edges { node { id name kind sector territory description tags version } } } }`);
    const a = data.actors.edges[0].node;
    const ctx: any = { db: t.db.executor(), config: t.config, principal: null };
    ctx.loaders = createLoaders(ctx);
    const c: any = actorOrCardFromValues([a.id, a.name, a.kind, a.sector, a.territory]);
    expect(isActorCard(c)).toBe(true);
    expect(c.name).toBe(a.name);
    expect(await c.description({}, ctx)).toBe(a.description);
    expect(await c.tags({}, ctx)).toEqual(a.tags);
    expect(await c.version({}, ctx)).toBe(a.version);
  });

  it('reads the result columns of every query as Neo4j does (what bundling relies on)', async () => {
    const walk = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : f.endsWith('.cypher') ? [join(d, f)] : []));
    const s = t.db.session('READ');
    let checked = 0;
    try {
      for (const file of walk(CYPHER_DIR)) {
        const name = relative(CYPHER_DIR, file).replace(/\.cypher$/, '');
        if (name.startsWith('migrations/')) continue;
        const text = /\{\{(DIR|CMP)/.test(readFileSync(file, 'utf8')) ? cypher(name, { DIR: 'ASC', CMP: '>', DIRID: 'ASC', CMPID: '>' }) : cypher(name);
        const columns = bundleColumns(text);
        if (!columns) continue;
        const res = s.run(`EXPLAIN ${text}`);
        const keys = await res.keys();
        await res;
        expect({ name, columns }).toEqual({ name, columns: [...keys] });
        checked++;
      }
    } finally {
      await s.close();
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('counts the participants of every operation in one query, whatever the number of operations (no N+1 on totalCount)', async () => {
    let trips = 0;
    const off = t.db.onQuery(() => trips++);
    const res = await t.gql(`{ operations { code participations(first: 2, roles: [PARTNER, CONTRIBUTOR]) { totalCount edges { node { role } } } } }`);
    off();
    expect(res.errors).toBeUndefined();
    expect(res.data.operations.length).toBe(9);
    // operations, their participation pages, one count for all of them.
    expect(trips).toBe(3);
    const s = t.db.session('READ');
    try {
      for (const op of res.data.operations) {
        const r = await s.run(`MATCH (:Actor)-[p:PARTICIPATES_IN]->(:Operation {code: $code}) WHERE p.role IN ['PARTNER', 'CONTRIBUTOR'] RETURN count(p) AS n`, { code: op.code });
        expect(op.participations.totalCount).toBe(r.records[0].get('n'));
      }
    } finally {
      await s.close();
    }
    expect(res.data.operations.some((o: any) => o.participations.totalCount > 2)).toBe(true);
  });
});
