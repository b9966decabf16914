import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../helpers/app';

const karate = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'graphs', 'karate.json'), 'utf8'));
const CLUB_SECTOR: Record<string, string> = { 'Mr. Hi': 'ECONOMIC', Officer: 'CIVIL_SOCIETY' };

/**
 * A textbook graph synced into Neo4j and analysed through GraphQL gives NetworkX's values
 * (the fixture holds NetworkX's own output, written by bench/networkx_reference.py).
 */
describe('analytics through GraphQL on Zachary\'s karate club', () => {
  let t: TestApp;
  let analyst: string;
  const idOf = new Map<string, string>();
  const nodeOf = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
    analyst = await t.key('ANALYST');
    const editor = await t.key('EDITOR');
    const actors = karate.nodes.map((n: string) => ({ externalId: n, name: `Member ${n}`, kind: 'PERSON', sector: CLUB_SECTOR[karate.partition.groups[n]] }));
    const a = await t.gql(`mutation($a: [ActorSyncInput!]!) { syncActors(source: "karate", actors: $a) { items { externalId id } } }`, { a: actors }, editor);
    for (const i of a.data.syncActors.items) (idOf.set(i.externalId, i.id), nodeOf.set(i.id, i.externalId));
    // Each tie twice (both directions) and weighted: the analysed simple graph must merge them.
    const bonds = karate.edges.flatMap((e: any, i: number) => [
      { externalId: `e${i}`, kind: 'COLLABORATES_WITH', from: { externalId: e.source }, to: { externalId: e.target }, weight: e.weight ?? 1 },
      { externalId: `r${i}`, kind: 'INFORMS', from: { externalId: e.target }, to: { externalId: e.source } },
    ]);
    const b = await t.gql(`mutation($b: [BondSyncInput!]!) { syncBonds(source: "karate", bonds: $b) { created } }`, { b: bonds }, editor);
    expect(b.errors).toBeUndefined();
  });
  afterAll(() => t.stop());

  const scores = async (metric: string) => {
    const res = await t.gql(`query($m: CentralityMetric!) { centrality(metric: $m, scope: { source: "karate" }, top: 1000) { score actor { id } } }`, { m: metric }, analyst);
    expect(res.errors).toBeUndefined();
    return new Map<string, number>(res.data.centrality.map((s: any) => [nodeOf.get(s.actor.id)!, s.score]));
  };

  it.each([
    ['DEGREE', 'degree'],
    ['CLOSENESS', 'closeness'],
    ['BETWEENNESS', 'betweenness'],
    ['EIGENVECTOR', 'eigenvector'],
    ['PAGERANK', 'pagerank'],
    ['CONSTRAINT', 'constraint'],
    ['EFFECTIVE_SIZE', 'effective_size'],
  ])('%s equals NetworkX to 1e-6', async (metric, key) => {
    const got = await scores(metric);
    const want = karate.metrics[key] as Record<string, number>;
    expect(got.size).toBe(34);
    for (const [node, value] of Object.entries(want)) expect(Math.abs(got.get(node)! - value)).toBeLessThan(1e-6);
  });

  it('ranks highest first (lowest first for CONSTRAINT) and honours top', async () => {
    const res = await t.gql(`{ b: centrality(metric: BETWEENNESS, scope: { source: "karate" }, top: 3) { rank score actor { name } } c: centrality(metric: CONSTRAINT, scope: { source: "karate" }, top: 2) { score } }`, {}, analyst);
    expect(res.data.b.map((s: any) => s.actor.name)).toEqual(['Member 0', 'Member 33', 'Member 32']);
    expect(res.data.c[0].score).toBeLessThanOrEqual(res.data.c[1].score);
  });

  it('gives the club partition the modularity, E-I, Blau and brokerage NetworkX and sna give', async () => {
    const res = await t.gql(`{ arrangement(scope: { source: "karate" }, groupBy: SECTOR) { actorCount bondCount density blau eiIndex modularity components centralization topBrokers { actor { id } coordinator itinerant gatekeeper representative liaison total } } }`, {}, analyst);
    expect(res.errors).toBeUndefined();
    const a = res.data.arrangement;
    expect(a.actorCount).toBe(34);
    expect(a.bondCount).toBe(78);
    expect(a.density).toBeCloseTo(karate.metrics.density, 9);
    expect(a.modularity).toBeCloseTo(karate.partition.modularity, 9);
    expect(a.eiIndex).toBeCloseTo(karate.partition.ei_index, 9);
    expect(a.blau).toBeCloseTo(karate.partition.blau, 9);
    expect(a.centralization).toBeCloseTo(karate.metrics.degree_centralization, 9);
    for (const b of a.topBrokers) {
      const { actor, ...roles } = b;
      expect(roles).toEqual(karate.partition.brokerage[nodeOf.get(actor.id)!]);
    }
  });

  it('answers the weighted and directed variants differently from the default', async () => {
    const w = await t.gql(`{ centrality(metric: BETWEENNESS, scope: { source: "karate", weighted: true }, top: 1) { score } }`, {}, analyst);
    expect(w.errors).toBeUndefined();
    expect(w.data.centrality[0].score).not.toBeCloseTo(karate.metrics.betweenness['0'], 6);
  });

  it('answers arrangement for each of the 9 operations of the demo data, and a transversality series', async () => {
    const ops = await t.gql(`{ operations { code } }`);
    for (const { code } of ops.data.operations) {
      const res = await t.gql(`query($c: ID!) { arrangement(scope: { operation: $c }) { actorCount bondCount density blau eiIndex modularity topBrokers { actor { name } total } } }`, { c: code }, analyst);
      expect(res.errors).toBeUndefined();
      expect(res.data.arrangement.actorCount).toBeGreaterThan(5);
      expect(res.data.arrangement.density).toBeGreaterThan(0);
      expect(res.data.arrangement.blau).toBeGreaterThan(0);
    }
    const tr = await t.gql(`{ transversality { departments { name } operations { operation { code } departmentCount } matrix { sharedOperations bonds } series { year eiIndex modularity crossDepartmentBonds } } }`, {}, analyst);
    expect(tr.errors).toBeUndefined();
    const series = tr.data.transversality.series;
    expect(series.length).toBeGreaterThanOrEqual(4);
    expect(series.at(-1).crossDepartmentBonds).toBeGreaterThan(series[0].crossDepartmentBonds);
    expect(series.at(-1).eiIndex).toBeGreaterThan(series[0].eiIndex);
    expect(tr.data.transversality.operations).toHaveLength(9);
  });

  it('scopes by date: fewer bonds in 2012 than in 2015 for the food operation', async () => {
    const q = `query($d: Date) { arrangement(scope: { operation: "FOOD_GOVERNANCE", asOf: $d }) { bondCount } }`;
    const early = await t.gql(q, { d: '2012-06-30' }, analyst);
    const late = await t.gql(q, { d: '2015-06-30' }, analyst);
    expect(early.data.arrangement.bondCount).toBeLessThan(late.data.arrangement.bondCount);
  });

  it('finds shortest paths and ego networks, and reports unknown actors', async () => {
    const path = await t.gql(`query($a: ID!, $b: ID!) { shortestPath(from: $a, to: $b, scope: { source: "karate" }) { id } }`, { a: idOf.get('16'), b: idOf.get('26') }, analyst);
    expect(path.data.shortestPath.map((a: any) => nodeOf.get(a.id))).toHaveLength(6);
    const direct = await t.gql(`query($a: ID!, $b: ID!) { shortestPath(from: $a, to: $b) { id } }`, { a: idOf.get('0'), b: idOf.get('1') }, analyst);
    expect(direct.data.shortestPath).toHaveLength(2);
    const ego = await t.gql(`query($a: ID!) { egoNetwork(actor: $a, depth: 1) { nodes { id } edges { id } truncated } }`, { a: idOf.get('0') }, analyst);
    expect(ego.data.egoNetwork.nodes).toHaveLength(17);
    const missing = await t.gql(`{ egoNetwork(actor: "act_00000000000000000000") { truncated } }`, {}, analyst);
    expect(missing.errors![0].extensions!.code).toBe('NOT_FOUND');
    const deep = await t.gql(`query($a: ID!) { egoNetwork(actor: $a, depth: 9) { truncated } }`, { a: idOf.get('0') }, analyst);
    expect(deep.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('needs ANALYST, EDITOR or ADMIN', async () => {
    const anon = await t.gql(`{ centrality(metric: DEGREE) { score } }`);
    expect(anon.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const viewer = await t.gql(`{ transversality { current { eiIndex } } }`, {}, await t.key('VIEWER'));
    expect(viewer.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(viewer.errors![0].message).toMatch(/ANALYST/);
  });

  it('serves warm answers from the cache, and recomputes after any write', async () => {
    const q = `{ centrality(metric: DEGREE, scope: { source: "karate" }, top: 1) { score actor { name } } }`;
    await t.gql(q, {}, analyst);
    let trips = 0;
    // The key lookup (cached 5 s) is not analytics work: on a slow machine it may fall in this request.
    const off = t.db.onQuery((name) => void (name !== 'auth/key-by-hash' && trips++));
    await t.gql(q, {}, analyst);
    off();
    expect(trips).toBeLessThanOrEqual(2); // graph version + the actor's row
    const editor = await t.key('EDITOR');
    await t.gql(`mutation { syncBonds(source: "karate", bonds: [{ externalId: "extra", kind: FUNDS, from: { externalId: "9" }, to: { externalId: "1" } }]) { created } }`, {}, editor);
    const after = await t.gql(`{ centrality(metric: DEGREE, scope: { source: "karate" }, top: 34) { score actor { id } } }`, {}, analyst);
    const nine = after.data.centrality.find((s: any) => s.actor.id === idOf.get('9'));
    expect(nine.score).toBeCloseTo(karate.metrics.degree['9'] + 1 / 33, 9);
  });
  const TRANSVERSALITY = `{ transversality { departments { id } operations { operation { code } departmentCount departments { id } }
    matrix { a { id } b { id } sharedOperations bonds }
    current { eiIndex modularity crossDepartmentBonds withinDepartmentBonds meanDepartmentsPerOperation transversalOperations }
    series { year eiIndex modularity crossDepartmentBonds withinDepartmentBonds meanDepartmentsPerOperation transversalOperations } } }`;

  it("counts only the program's own departments: a PARTNER's DEPARTMENT, staff and far-dated bonds change nothing", async () => {
    const before = await t.gql(TRANSVERSALITY, {}, analyst);
    expect(before.errors).toBeUndefined();
    const series = before.data.transversality.series;
    expect(series.length).toBeGreaterThanOrEqual(4);
    expect(series.length).toBeLessThanOrEqual(new Date().getUTCFullYear() - 2011 + 1);

    // A PARTNER key cannot create the department at all (program structure, refused at the gate);
    // transversality must ignore one in a partner's source all the same, written here by an EDITOR.
    const partner = await t.key('PARTNER', 'rogue');
    const refused = await t.gql(`mutation { createActor(input: { name: "Direction pirate", kind: DEPARTMENT, sector: PUBLIC_ADMINISTRATION }) { id } }`, {}, partner);
    expect(refused.errors![0].extensions!.code).toBe('FORBIDDEN');
    const editor = await t.key('EDITOR');
    const write = async (query: string, variables: Record<string, unknown>) => {
      const res = await t.gql(query, variables, editor);
      expect(res.errors).toBeUndefined();
      return res.data;
    };
    const createActor = `mutation($i: CreateActorInput!) { createActor(input: $i) { id } }`;
    const createBond = `mutation($i: CreateBondInput!) { createBond(input: $i) { id } }`;
    const dept = (await write(createActor, { i: { name: 'Direction parallèle', kind: 'DEPARTMENT', sector: 'PUBLIC_ADMINISTRATION', source: 'rogue' } })).createActor.id;
    const staff = (await write(createActor, { i: { name: 'Agent parallèle', kind: 'PERSON', sector: 'PUBLIC_ADMINISTRATION', source: 'rogue' } })).createActor.id;
    const ops = await t.gql(`{ operations { id } }`, {}, analyst);
    for (const { id } of ops.data.operations) {
      await write(`mutation($i: CreateParticipationInput!) { createParticipation(input: $i) { id } }`, { i: { actor: dept, operation: id, role: 'LEAD_DEPARTMENT', since: '2011-01-01' } });
      await write(`mutation($i: CreateParticipationInput!) { createParticipation(input: $i) { id } }`, { i: { actor: staff, operation: id, role: 'CONTRIBUTOR', since: '2011-01-01' } });
    }
    const programDepts = before.data.transversality.departments.map((d: any) => d.id);
    await write(createBond, { i: { kind: 'MEMBER_OF', from: staff, to: programDepts[0], source: 'rogue', since: '1900-01-01', until: '2100-12-31' } });
    for (const d of programDepts.slice(0, 3)) {
      await write(createBond, { i: { kind: 'COLLABORATES_WITH', from: dept, to: d, source: 'rogue', since: '1900-01-01', until: '2100-12-31' } });
      await write(createBond, { i: { kind: 'COLLABORATES_WITH', from: staff, to: d, source: 'rogue', since: '1900-01-01', until: '2100-12-31' } });
    }

    const after = await t.gql(TRANSVERSALITY, {}, analyst);
    expect(after.errors).toBeUndefined();
    expect(after.data).toEqual(before.data);
  });

  it('keeps the actors of a VIEWER request whose arrangement is refused (nullable analytics roots)', async () => {
    const viewer = await t.key('VIEWER');
    const res = await t.gql(`{ actors(first: 2) { edges { node { name } } } arrangement(scope: { operation: "FOOD_GOVERNANCE" }) { actorCount } transversality { current { eiIndex } } }`, {}, viewer);
    expect(res.data.actors.edges).toHaveLength(2);
    expect(res.data.arrangement).toBeNull();
    expect(res.data.transversality).toBeNull();
    expect(res.errors!.map((e) => [e.path, e.extensions!.code])).toEqual(expect.arrayContaining([[['arrangement'], 'FORBIDDEN'], [['transversality'], 'FORBIDDEN']]));
  });

  it('answers weights a metric cannot use with BAD_USER_INPUT saying what to change, in GraphQL and exports', async () => {
    const editor = await t.key('EDITOR');
    const sync = async (bonds: unknown[]) => {
      const res = await t.gql(`mutation($b: [BondSyncInput!]!) { syncBonds(source: "karate", bonds: $b) { created } }`, { b: bonds }, editor);
      expect(res.errors).toBeUndefined();
    };
    const weighted = (metric: string) => t.gql(`{ centrality(metric: ${metric}, scope: { source: "karate", weighted: true }, top: 1) { score } }`, {}, analyst);
    const gexf = () => fetch(t.app.url.replace('/graphql', '/export/network.gexf?source=karate&weighted=true'), { headers: { authorization: `Bearer ${analyst}` } });

    await sync([{ externalId: 'zero', kind: 'COLLABORATES_WITH', from: { externalId: '20' }, to: { externalId: '21' }, weight: 0 }]);
    const between = await weighted('BETWEENNESS');
    expect(between.data.centrality).toBeNull();
    expect(between.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(between.errors![0].message).toMatch(/length.*weighted: false/);
    const rank = await weighted('PAGERANK');
    expect(rank.errors).toBeUndefined();
    expect(rank.data.centrality[0].score).toBeGreaterThan(0);

    // Every door refuses 1.7e308 now (the gate); analytics must still hold against such a value
    // already stored (an old store, a hand-edited one): written straight to Neo4j here.
    await sync([{ externalId: 'huge', kind: 'COLLABORATES_WITH', from: { externalId: '22' }, to: { externalId: '23' }, weight: 1 }]);
    const s = t.db.session('WRITE');
    await s.run("MATCH ()-[b:BOND {source: 'karate', externalId: 'huge'}]->() SET b.weight = 1.7e308");
    await s.close();
    await t.gql(`mutation { syncBonds(source: "karate", bonds: [{ externalId: "bump", kind: INFORMS, from: { externalId: "24" }, to: { externalId: "25" } }]) { created } }`, {}, editor); // a write moves the graph version past the analytics cache
    for (const metric of ['PAGERANK', 'EIGENVECTOR']) {
      const res = await weighted(metric);
      expect(res.data.centrality).toBeNull();
      expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(/weight 1\.7e\+308.*weighted: false/);
    }
    const file = await gexf();
    expect(file.status).toBe(400);
    expect(((await file.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
