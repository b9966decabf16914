import { loadConfig } from '../../src/config';
import { startServer, type RunningApp } from '../../src/server';
import { startTestApp, type TestApp } from '../helpers/app';
import { loadGraph } from '../../src/seed/seed.service';
import { evaluationGraph } from '../helpers/evaluation-graph';

/**
 * evaluation(asOf) on the small program of test/helpers/evaluation-graph.ts: fundings written
 * through createFunding (EDITOR) and syncFundings (PARTNER), indicator series through
 * recordIndicatorValues, every figure checked against the arithmetic in the comments.
 */
const EVALUATION = `query($asOf: Date) { evaluation(asOf: $asOf) {
  asOf caveat
  operations { code attainment actorCount bondCount density blau eiIndex citizenShare departmentCount departments { name }
    topBrokers { actor { name } liaison total }
    funding { total count confidentialExcluded bySector { sector amount share } byYear { year amount } }
    indicators { name value target date attainment } }
  program { operationCount attainment results { unit value indicators } funding { total count confidentialExcluded bySector { sector amount } byYear { year amount } } }
  correlations { figure rho n pValue } } }`;

describe('evaluation(asOf): money, results and arrangement side by side', () => {
  let t: TestApp;
  let editor: string;
  let analyst: string;
  let viewer: string;
  let partner: string;
  let fundingId: string;

  beforeAll(async () => {
    t = await startTestApp();
    await loadGraph(t.db, evaluationGraph());
    [editor, analyst, viewer, partner] = [await t.key('EDITOR'), await t.key('ANALYST'), await t.key('VIEWER'), await t.key('PARTNER', 'partner1')];
    // The council's money (program source: EDITOR only).
    const council: [string, number, number][] = [['O1', 2013, 100000], ['O2', 2013, 200000], ['O3', 2014, 300000], ['O4', 2012, 50000], ['O4', 2013, 50000], ['O6', 2015, 400000], ['O8', 2013, 100000], ['O9', 2014, 500000]];
    for (const [op, year, amount] of council) {
      const r = await t.gql(`mutation($i: CreateFundingInput!) { createFunding(input: $i) { id amount year source } }`, { i: { funder: 'act_council', operation: op, year, amount } }, editor);
      expect(r.errors).toBeUndefined();
      fundingId ??= r.data.createFunding.id;
    }
    // A partner's own funders, synced (O3's political money is confidential).
    const sync = await t.gql(`mutation($f: [FundingSyncInput!]!) { syncFundings(source: "partner1", fundings: $f) { created items { status } } }`, {
      f: [
        { externalId: 'f1', funder: { externalId: 'act_feco' }, operation: 'O1', year: 2014, amount: 50000 },
        { externalId: 'f2', funder: { externalId: 'act_fpol' }, operation: 'O3', year: 2015, amount: 100000, confidential: true },
        { externalId: 'f3', funder: { id: 'act_feco' }, operation: 'op_o7', year: 2013, amount: 250000 },
      ],
    }, partner);
    expect(sync.errors).toBeUndefined();
    expect(sync.data.syncFundings.created).toBe(3);
    // Results series (target 100 unless a value says otherwise).
    const series: Record<string, { date: string; value: number; target?: number }[]> = {
      ind_o1: [{ date: '2013-12-31', value: 20 }, { date: '2014-12-31', value: 50 }],
      ind_o2: [{ date: '2014-12-31', value: 80 }],
      ind_o3: [{ date: '2014-06-30', value: 30 }, { date: '2015-06-30', value: 90 }],
      ind_o4: [{ date: '2014-12-31', value: 50 }],
      ind_o5: [{ date: '2014-12-31', value: 10 }],
      ind_o6: [{ date: '2014-12-31', value: 100, target: 200 }],
      ind_o7: [{ date: '2014-12-31', value: 70 }],
      ind_o8: [{ date: '2014-12-31', value: 40 }],
      ind_o9: [{ date: '2014-12-31', value: 60 }],
      ind_o9_rate: [{ date: '2014-12-31', value: 5 }],
    };
    for (const [indicator, values] of Object.entries(series)) {
      const r = await t.gql(`mutation($i: ID!, $v: [IndicatorValueInput!]!) { recordIndicatorValues(indicator: $i, values: $v) { id } }`, { i: indicator, v: values }, editor);
      expect(r.errors).toBeUndefined();
    }
  });
  afterAll(() => t.stop());

  const evaluate = async (asOf: string | null, key = analyst) => {
    const r = await t.gql(EVALUATION, { asOf }, key);
    expect(r.errors).toBeUndefined();
    return r.data.evaluation;
  };
  const op = (e: any, code: string) => e.operations.find((o: any) => o.code === code);

  it('gives each operation its arrangement figures, as computed by hand', async () => {
    const e = await evaluate(null);
    expect(e.operations.map((o: any) => o.code)).toEqual(['O1', 'O2', 'O3', 'O4', 'O5', 'O6', 'O7', 'O8', 'O9']);
    // [actors, edges, density 2m/(n(n-1)), Blau 1-Σp², E-I (E-I)/(E+I) across sectors, citizens/n, departments]
    const want: Record<string, [number, number, number, number, number, number, number]> = {
      O1: [3, 2, 2 / 3, 1 - 3 / 9, (2 - 0) / 2, 1 / 3, 0], // E,C,Z: both ties across
      O2: [3, 3, 1, 1 - (4 + 1) / 9, (2 - 1) / 3, 0, 0], // E,E,C: E-E within, two across
      O3: [4, 3, 3 / 6, 1 - (1 + 1 + 4) / 16, (2 - 1) / 3, 2 / 4, 1], // P,E,Z,Z: Z-Z within
      O4: [3, 2, 2 / 3, 1 - (4 + 1) / 9, 1, 0, 2], // P,P,E: both ties P-E
      O5: [2, 1, 1, 1 - 2 / 4, 1, 0, 0],
      O6: [4, 3, 3 / 6, 1 - (9 + 1) / 16, (1 - 2) / 3, 1 / 4, 0], // C,C,C,Z: two within, one across
      O7: [3, 2, 2 / 3, 1 - (1 + 4) / 9, 0, 0, 1], // P,R,R: one across, one within
      O8: [4, 0, 0, 1 - 4 / 16, 0, 1 / 4, 0], // no tie: E-I 0
      O9: [2, 1, 1, 0, -1, 0, 0], // E,E: one tie within
    };
    for (const [code, [n, m, density, blau, ei, citizens, departments]] of Object.entries(want)) {
      const o = op(e, code);
      expect([o.actorCount, o.bondCount, o.departmentCount]).toEqual([n, m, departments]);
      expect(o.density).toBeCloseTo(density, 12);
      expect(o.blau).toBeCloseTo(blau, 12);
      expect(o.eiIndex).toBeCloseTo(ei, 12);
      expect(o.citizenShare).toBeCloseTo(citizens, 12);
    }
    expect(op(e, 'O4').departments.map((d: any) => d.name).sort()).toEqual(['Direction D1', 'Direction D2']);
    expect(op(e, 'O3').departments.map((d: any) => d.name)).toEqual(['Direction D1']);
    // O1 is the path E - C - Z: C brokers E→C→Z and Z→C→E, three sectors each time (liaison).
    expect(op(e, 'O1').topBrokers).toEqual([{ actor: { name: 'O1 C1' }, liaison: 2, total: 2 }]);
  });

  it('sums the money by operation, funder sector and year', async () => {
    const e = await evaluate(null);
    const totals = Object.fromEntries(e.operations.map((o: any) => [o.code, o.funding.total]));
    // O1 100k + 50k; O3 300k + 100k (confidential, read by ANALYST); O4 50k + 50k; O5 nothing.
    expect(totals).toEqual({ O1: 150000, O2: 200000, O3: 400000, O4: 100000, O5: 0, O6: 400000, O7: 250000, O8: 100000, O9: 500000 });
    expect(op(e, 'O1').funding).toEqual({
      total: 150000,
      count: 2,
      confidentialExcluded: 0,
      bySector: [{ sector: 'PUBLIC_ADMINISTRATION', amount: 100000, share: 2 / 3 }, { sector: 'ECONOMIC', amount: 50000, share: 1 / 3 }],
      byYear: [{ year: 2013, amount: 100000 }, { year: 2014, amount: 50000 }],
    });
    // The program is the sum of its operations: 150+200+400+100+0+400+250+100+500 = 2,100 k€.
    expect(e.program.funding.total).toBe(2100000);
    expect(e.program.funding.count).toBe(11);
    // Council 100+200+300+100+400+100+500 = 1,700 k€; economic 50+250 = 300 k€; political 100 k€.
    expect(e.program.funding.bySector).toEqual([{ sector: 'PUBLIC_ADMINISTRATION', amount: 1700000 }, { sector: 'ECONOMIC', amount: 300000 }, { sector: 'POLITICAL', amount: 100000 }]);
    // 2012: O4 50; 2013: O1 100 + O2 200 + O4 50 + O7 250 + O8 100 = 700; 2014: O1 50 + O3 300 + O9 500 = 850; 2015: O3 100 + O6 400 = 500.
    expect(e.program.funding.byYear).toEqual([{ year: 2012, amount: 50000 }, { year: 2013, amount: 700000 }, { year: 2014, amount: 850000 }, { year: 2015, amount: 500000 }]);
  });

  it('reads attainment as the latest value over its target, and the program results as sums', async () => {
    const e = await evaluate(null);
    const att = Object.fromEntries(e.operations.map((o: any) => [o.code, o.attainment]));
    // 50/100, 80/100, 90/100 (latest of O3), 50/100, 10/100, 100/200 (the value's own target), 70/100, 40/100, 60/100 (O9's rate has no target)
    expect(att).toEqual({ O1: 0.5, O2: 0.8, O3: 0.9, O4: 0.5, O5: 0.1, O6: 0.5, O7: 0.7, O8: 0.4, O9: 0.6 });
    expect(op(e, 'O6').indicators).toEqual([{ name: 'Emplois O6', value: 100, target: 200, date: '2014-12-31', attainment: 0.5 }]);
    // Mean of the nine: (0.5+0.8+0.9+0.5+0.1+0.5+0.7+0.4+0.6)/9 = 5/9.
    expect(e.program.attainment).toBeCloseTo(5 / 9, 12);
    // emplois: 50+80+90+50+10+100+70+40+60 = 550 over 9 indicators; the % is not summed.
    expect(e.program.results).toEqual([{ unit: 'emplois', value: 550, indicators: 9 }]);
    expect(e.program.operationCount).toBe(9);
  });

  it('ranks attainment with money and citizens by Spearman, average ranks for ties, n = 9', async () => {
    const e = await evaluate(null);
    const rho = Object.fromEntries(e.correlations.map((c: any) => [c.figure, c]));
    // Attainment ranks: O5 .1→1, O8 .4→2, O1 O4 O6 .5→(3+4+5)/3=4, O9→6, O7→7, O2→8, O3→9.
    // Money ranks: O5 0→1, O4 O8 100k→2.5, O1→4, O2→5, O7→6, O3 O6 400k→7.5, O9→9.
    // Deviations from 5: a = (-1,3,4,-1,-4,-1,2,-3,1), f = (-1,0,2.5,-2.5,-4,2.5,1,-2.5,4)
    // Σaf = 1+0+10+2.5+16-2.5+2+7.5+4 = 40.5; Σa² = 58; Σf² = 59.
    expect(rho.FUNDING_TOTAL.n).toBe(9);
    expect(rho.FUNDING_TOTAL.rho).toBeCloseTo(40.5 / Math.sqrt(58 * 59), 12);
    expect(rho.FUNDING_TOTAL.pValue).toBeGreaterThan(0);
    expect(rho.FUNDING_TOTAL.pValue).toBeLessThan(1);
    // Citizens: five zeros→3, O6 O8 .25→6.5, O1 1/3→8, O3 .5→9; c = (3,-2,4,-2,-2,1.5,-2,1.5,-2)
    // Σac = -3-6+16+2+8-1.5-4-4.5-2 = 5; Σc² = 49.5.
    expect(rho.CITIZEN_SHARE.rho).toBeCloseTo(5 / Math.sqrt(58 * 49.5), 12);
    expect(e.correlations.map((c: any) => c.figure)).toEqual(['FUNDING_TOTAL', 'ACTOR_COUNT', 'DENSITY', 'BLAU', 'EI_INDEX', 'CITIZEN_SHARE', 'DEPARTMENT_COUNT']);
    expect(e.caveat).toMatch(/n = 9/);
  });

  it('evaluates as of a date: money of years up to it, values on or before it; null ρ with no attainment', async () => {
    const e = await evaluate('2014-12-31');
    expect(e.asOf).toBe('2014-12-31');
    expect(op(e, 'O3').attainment).toBeCloseTo(0.3, 12); // 30/100 on 2014-06-30; 90 comes in 2015
    expect(op(e, 'O3').funding.total).toBe(300000); // 2015's 100k not yet
    expect(op(e, 'O6').funding.total).toBe(0);
    expect(e.program.funding.total).toBe(2100000 - 500000);
    const before = await evaluate('2010-01-01');
    expect(before.operations.every((o: any) => o.attainment === null)).toBe(true);
    expect(before.correlations.every((c: any) => c.rho === null && c.n === 0 && c.pValue === null)).toBe(true);
  });

  it('hides confidential amounts from callers without access, and leaves them out of the sums', async () => {
    const f = await t.gql(`{ operation(code: "O3") { fundings { amount confidential year } } }`, {}, viewer);
    expect(f.data.operation.fundings).toEqual([{ amount: 300000, confidential: false, year: 2014 }, { amount: null, confidential: true, year: 2015 }]);
    const asPartner = await t.gql(`{ operation(code: "O3") { fundings { amount } } }`, {}, partner);
    expect(asPartner.data.operation.fundings.map((x: any) => x.amount)).toEqual([300000, 100000]);
    // Analytics open to everyone (ANALYTICS_PUBLIC): anonymous callers get the public sums only.
    const config = loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1', ANALYTICS_PUBLIC: 'true' });
    const open: RunningApp = await startServer({ config, db: t.db }, 0);
    try {
      const res = await fetch(open.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: EVALUATION }) });
      const e = ((await res.json()) as any).data.evaluation;
      expect(op(e, 'O3').funding).toMatchObject({ total: 300000, count: 1, confidentialExcluded: 1 });
      expect(e.program.funding).toMatchObject({ total: 2000000, confidentialExcluded: 1 });
    } finally {
      await open.stop();
    }
  });

  it('refuses the evaluation to callers without analytics access, nulling only itself', async () => {
    const r = await t.gql(`{ evaluation { caveat } operations { code } }`, {}, viewer);
    expect(r.data.evaluation).toBeNull();
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(r.data.operations).toHaveLength(9);
  });

  it('keeps partners to their own source and own funders, and bad input out, writing nothing', async () => {
    const other = await t.key('PARTNER', 'partner2');
    const wrongSource = await t.gql(`mutation { syncFundings(source: "partner1", fundings: [{ externalId: "x", funder: { externalId: "act_feco" }, operation: "O1", year: 2014, amount: 1 }]) { created } }`, {}, other);
    expect(wrongSource.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const councilMoney = await t.gql(`mutation { syncFundings(source: "partner1", fundings: [{ externalId: "x", funder: { id: "act_council" }, operation: "O1", year: 2014, amount: 1 }]) { created } }`, {}, partner);
    expect(councilMoney.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const bad = await t.gql(`mutation { syncFundings(source: "partner1", fundings: [{ externalId: "y", funder: { externalId: "act_feco" }, operation: "O1", year: 1800, amount: -3 }, { externalId: "z", funder: { externalId: "act_feco" }, operation: "NOPE", year: 2014, amount: 1 }]) { created } }`, {}, partner);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const fields = bad.errors?.[0].extensions?.invalid.map((i: any) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['fundings.0.amount', 'fundings.0.year']));
    const badOp = await t.gql(`mutation { syncFundings(source: "partner1", fundings: [{ externalId: "z", funder: { externalId: "act_feco" }, operation: "NOPE", year: 2014, amount: 1 }]) { created } }`, {}, partner);
    expect(badOp.errors?.[0].extensions?.invalid.map((i: any) => i.field)).toEqual(['fundings.0.operation']);
    const badValue = await t.gql(`mutation { recordIndicatorValues(indicator: "ind_o1", values: [{ date: "2015-12-31", value: 1 }, { date: "2015-12-31", value: 2 }, { value: 3 }]) { id } }`, {}, editor);
    expect(badValue.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(badValue.errors?.[0].extensions?.invalid.map((i: any) => i.field)).toEqual(['values.1.date', 'values.2.date']);
    const byPartner = await t.gql(`mutation { recordIndicatorValues(indicator: "ind_o1", values: [{ date: "2015-12-31", value: 1 }]) { id } }`, {}, partner);
    expect(byPartner.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const series = await t.gql(`{ operation(code: "O1") { indicators { value date series { date value } attainment(asOf: "2013-12-31") } } }`, {}, viewer);
    expect(series.data.operation.indicators).toEqual([{ value: 50, date: '2014-12-31', series: [{ date: '2013-12-31', value: 20 }, { date: '2014-12-31', value: 50 }], attainment: 0.2 }]);
    const count = await t.gql(`{ operation(code: "O1") { fundings { id } } }`, {}, viewer);
    expect(count.data.operation.fundings).toHaveLength(2);
  });

  it('exports the evaluation table as CSV (rfc4180 and excel-fr) and JSON, with the same access', async () => {
    const base = new URL(t.app.url).origin;
    const get = (path: string, key = analyst) => fetch(base + path, { headers: { authorization: `Bearer ${key}` } });
    const csv = await get('/export/evaluation.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toMatch(/tesr-all-.*-evaluation\.csv/);
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toBe('code,name,fundingTotal,fundingCount,confidentialExcluded,fundingBySector,fundingByYear,attainment,actorCount,bondCount,density,blau,eiIndex,citizenShare,departmentCount,departments,topBrokers');
    expect(lines[1]).toBe(`O1,Opération O1,150000,2,0,PUBLIC_ADMINISTRATION=100000;ECONOMIC=50000,2013=100000;2014=50000,0.5,3,2,${2 / 3},${1 - 3 / 9},1,${1 / 3},0,,O1 C1`);
    expect(lines[10]).toBe(`PROGRAM,TESR (somme des opérations),2100000,11,0,PUBLIC_ADMINISTRATION=1700000;ECONOMIC=300000;POLITICAL=100000,2012=50000;2013=700000;2014=850000;2015=500000,${5 / 9},,,,,,,,,`);
    const bytes = Buffer.from(await (await get('/export/evaluation.csv?dialect=excel-fr&asOf=2014-12-31')).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: Excel reads UTF-8
    const fr = bytes.toString('utf8').slice(1);
    expect(fr.startsWith('code;opération;sommes investies (€);')).toBe(true);
    // O3 on 2014-12-31: 300 k€, attainment 30/100 = 0,3 (decimal comma), departments listed with " | ".
    expect(fr.split('\r\n').find((l) => l.startsWith('O3;'))).toMatch(/^O3;Opération O3;300000;1;0;PUBLIC_ADMINISTRATION=300000;2014=300000;0,3;4;3;0,5;0,625;/);
    const json = (await (await get('/export/evaluation.json')).json()) as any;
    expect(json.operations).toHaveLength(10);
    expect(json.operations[8]).toMatchObject({ code: 'O9', fundingTotal: 500000, attainment: 0.6, eiIndex: -1 });
    expect(json.correlations.find((c: any) => c.figure === 'FUNDING_TOTAL').rho).toBeCloseTo(40.5 / Math.sqrt(58 * 59), 12);
    const bad = await get('/export/evaluation.csv?asOf=2014-02-30');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await get('/export/evaluation.json', viewer)).status).toBe(403);
  });

  it('updates and deletes fundings with versions, each change in the feed', async () => {
    const up = await t.gql(`mutation($id: ID!) { updateFunding(id: $id, input: { amount: 120000 }, expectedVersion: 1) { amount version } }`, { id: fundingId }, editor);
    expect(up.data.updateFunding).toEqual({ amount: 120000, version: 2 });
    const stale = await t.gql(`mutation($id: ID!) { updateFunding(id: $id, input: { amount: 1 }, expectedVersion: 1) { amount } }`, { id: fundingId }, editor);
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    const byPartner = await t.gql(`mutation($id: ID!) { deleteFunding(id: $id) { deletedId } }`, { id: fundingId }, partner);
    expect(byPartner.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const del = await t.gql(`mutation($id: ID!) { deleteFunding(id: $id) { deletedId } }`, { id: fundingId }, editor);
    expect(del.data.deleteFunding.deletedId).toBe(fundingId);
    const feed = await t.gql(`{ changes(first: 500) { edges { node { entity entityId op payload } } } }`, {}, editor);
    const mine = feed.data.changes.edges.map((e: any) => e.node).filter((c: any) => c.entityId === fundingId);
    expect(mine.map((c: any) => c.op)).toEqual(['CREATE', 'UPDATE', 'DELETE']);
    expect(mine[1]).toMatchObject({ entity: 'Funding', payload: { amount: 120000, year: 2013, funder: 'act_council', operation: 'op_o1' } });
    const values = feed.data.changes.edges.filter((e: any) => e.node.entity === 'IndicatorValue');
    expect(values).toHaveLength(12);
  });
});
