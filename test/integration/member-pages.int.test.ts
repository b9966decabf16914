/**
 * Pages of one parent's members: an actor's bonds in the order a page asks for ("latest bonds"),
 * and an operation's participations in pages of up to MAX_MEMBER_PAGE_SIZE that seek an index
 * (their cost follows the page, not the operation).
 */
import { startTestApp, type TestApp } from '../helpers/app';
import { cypher } from '../../src/db/cypher';

const BONDS = `query($id: ID!, $first: Int, $after: String, $order: BondOrder) {
  actor(id: $id) { bonds(first: $first, after: $after, orderBy: $order) { pageInfo { hasNextPage endCursor } edges { node { id createdAt } } } }
}`;

/** The same page read as bond cards (it shows only card fields): the cursor's key comes from the query. */
const BOND_CARDS = BONDS.replace('edges { node { id createdAt } }', 'edges { node { id kind weight other(actor: $id) { name } } }');

describe('member pages', () => {
  let t: TestApp;
  let editor: string;
  let hub: string;
  const created: string[] = []; // bond ids in creation order
  let operation: { id: string; code: string };

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
    editor = await t.key('EDITOR');
    const mk = async (name: string) => (await t.gql(`mutation($n: String!) { createActor(input: { name: $n, kind: ORGANIZATION, sector: ECONOMIC }) { id } }`, { n: name }, editor)).data.createActor.id as string;
    hub = await mk('Pivot');
    for (let i = 0; i < 5; i++) {
      const other = await mk(`Partenaire ${i}`);
      // Alternate the direction: the order must not depend on it.
      const [from, to] = i % 2 ? [other, hub] : [hub, other];
      const r = await t.gql(`mutation($f: ID!, $t: ID!) { createBond(input: { from: $f, to: $t, kind: COLLABORATES_WITH }) { id } }`, { f: from, t: to }, editor);
      created.push(r.data.createBond.id);
      await new Promise((res) => setTimeout(res, 5)); // distinct creation instants
    }
    operation = (await t.gql(`{ operations { id code participantCounts { count } } }`)).data.operations[0];
  }, 120_000);
  afterAll(() => t.stop());

  it('orders an actor\'s bonds by creation, latest first, and pages through them without gap or repeat', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i++) {
      const r: any = await t.gql(BONDS, { id: hub, first: 2, after, order: { field: 'CREATED_AT', direction: 'DESC' } });
      expect(r.errors).toBeUndefined();
      const page = r.data.actor.bonds;
      seen.push(...page.edges.map((e: any) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual([...created].reverse());
    const cards: string[] = [];
    after = null;
    for (let i = 0; i < 5; i++) {
      const r: any = await t.gql(BOND_CARDS, { id: hub, first: 2, after, order: { field: 'CREATED_AT', direction: 'DESC' } });
      expect(r.errors).toBeUndefined();
      cards.push(...r.data.actor.bonds.edges.map((e: any) => e.node.id));
      expect(r.data.actor.bonds.edges.every((e: any) => e.node.kind === 'COLLABORATES_WITH' && /^Partenaire/.test(e.node.other.name))).toBe(true);
      if (!r.data.actor.bonds.pageInfo.hasNextPage) break;
      after = r.data.actor.bonds.pageInfo.endCursor;
    }
    expect(cards).toEqual([...created].reverse());
    const asc = await t.gql(BONDS, { id: hub, first: 10, order: { field: 'CREATED_AT', direction: 'ASC' } });
    expect(asc.data.actor.bonds.edges.map((e: any) => e.node.id)).toEqual(created);
    const byId = await t.gql(BONDS, { id: hub, first: 10 });
    expect(byId.data.actor.bonds.edges.map((e: any) => e.node.id)).toEqual([...created].sort());
  });

  it('refuses a cursor made for another order, with a code and the way out', async () => {
    const first = await t.gql(BONDS, { id: hub, first: 2 });
    const r = await t.gql(BONDS, { id: hub, first: 2, after: first.data.actor.bonds.pageInfo.endCursor, order: { field: 'UPDATED_AT', direction: 'DESC' } });
    expect(r.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(r.errors![0].message).toMatch(/cursor was made for another `orderBy`/);
  });

  it('serves an operation\'s participations in pages up to MAX_MEMBER_PAGE_SIZE, the same rows as small pages', async () => {
    const Q = `query($code: String!, $first: Int, $after: String) { operation(code: $code) { participations(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id role actor { id } } } } } }`;
    const big = await t.gql(Q, { code: operation.code, first: t.config.MAX_MEMBER_PAGE_SIZE });
    expect(big.errors).toBeUndefined();
    const all = big.data.operation.participations;
    expect(all.edges.length).toBe(all.totalCount);
    expect(all.edges.length).toBeGreaterThan(3);
    const small: string[] = [];
    let after: string | null = null;
    for (;;) {
      const r: any = await t.gql(Q, { code: operation.code, first: 3, after });
      small.push(...r.data.operation.participations.edges.map((e: any) => e.node.id));
      if (!r.data.operation.participations.pageInfo.hasNextPage) break;
      after = r.data.operation.participations.pageInfo.endCursor;
    }
    expect(small).toEqual(all.edges.map((e: any) => e.node.id));
    expect(small).toEqual([...small].sort());
    const tooBig = await t.gql(Q, { code: operation.code, first: t.config.MAX_MEMBER_PAGE_SIZE + 1 });
    expect(tooBig.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    // Other connections keep MAX_PAGE_SIZE.
    const actors = await t.gql(`{ actors(first: ${t.config.MAX_PAGE_SIZE + 1}) { totalCount } }`);
    expect(actors.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('reads a page that shows only id, role and period as participation cards, with the same answers as full records', async () => {
    const cards = await t.gql(`query($code: String!) { operation(code: $code) { participations(first: 50) { edges { node { id role since until actor { id name } operation { code } } } } } }`, { code: operation.code });
    const full = await t.gql(`query($code: String!) { operation(code: $code) { participations(first: 50) { edges { node { id role since until version createdAt actor { id name description } operation { code } } } } } }`, { code: operation.code });
    expect(cards.errors).toBeUndefined();
    expect(full.errors).toBeUndefined();
    const pick = (r: any) => r.data.operation.participations.edges.map(({ node: n }: any) => ({ id: n.id, role: n.role, since: n.since, until: n.until, actor: { id: n.actor.id, name: n.actor.name }, operation: n.operation }));
    expect(pick(cards)).toEqual(pick(full));
    expect(pick(cards).every((p: any) => p.operation.code === operation.code && p.role && p.actor.id)).toBe(true);
    expect(full.data.operation.participations.edges.every(({ node: n }: any) => n.version >= 1 && n.createdAt)).toBe(true);
  });

  it('seeks the (operation, id) index for a page, and every participation carries its operation', async () => {
    const s = t.db.session('READ');
    try {
      const missing = await s.run('MATCH ()-[p:PARTICIPATES_IN]->(o:Operation) WHERE p._operation IS NULL OR p._operation <> o.id RETURN count(p) AS n');
      expect(Number(missing.records[0].get('n'))).toBe(0);
      // The very query the loader runs (cypher/participations/of-operations.cypher), forward.
      const plan = await s.run(`EXPLAIN ${cypher('participations/of-operations', { CMP: '>', DIR: 'ASC', ACTOR: 'FULL' })}`, { ids: [operation.id], afterId: 'prt_0', roles: null, asOf: null, limit: 10 });
      const ops: string[] = [];
      const walk = (p: any) => {
        ops.push(`${p.operatorType} ${JSON.stringify(p.arguments?.Details ?? '')}`);
        p.children.forEach(walk);
      };
      walk(plan.summary.plan);
      const text = ops.join('\n');
      expect(text).toMatch(/RelationshipIndexSeek.*PARTICIPATES_IN\(_operation, id\)/);
      expect(text).not.toMatch(/^(Sort|Top|PartialSort)/m);
    } finally {
      await s.close();
    }
  });
});
