import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parse } from 'csv-parse/sync';
import { startTestApp, type TestApp } from '../helpers/app';

/** Exports parse back with the same nodes and edges, in our own parsers and in NetworkX. */
describe('network exports', () => {
  let t: TestApp;
  let analyst: string;
  let expected: { nodes: Set<string>; edges: Set<string> };
  const dir = mkdtempSync(join(tmpdir(), 'agencement-export-'));

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
    analyst = await t.key('ANALYST');
    const res = await t.gql(`{ network(scope: { operation: "FOOD_GOVERNANCE" }) { nodes { id } edges { id } } }`, {}, analyst);
    expected = { nodes: new Set(res.data.network.nodes.map((n: any) => n.id)), edges: new Set(res.data.network.edges.map((e: any) => e.id)) };
    expect(expected.nodes.size).toBeGreaterThan(10);
  });
  afterAll(async () => {
    await t.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = async (file: string, query = 'operation=FOOD_GOVERNANCE', key: string | null = analyst) => {
    const res = await fetch(t.app.url.replace('/graphql', `/export/${file}?${query}`), { headers: key ? { authorization: `Bearer ${key}` } : {} });
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
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

  it('GraphML, node-link JSON and CSV: same nodes and edges', async () => {
    const graphml = await get('network.graphml');
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(graphml.text);
    expect(new Set(asArray<any>(doc.graphml.graph.node).map((n) => n.id))).toEqual(expected.nodes);
    expect(new Set(asArray<any>(doc.graphml.graph.edge).map((e) => e.id))).toEqual(expected.edges);
    writeFileSync(join(dir, 'n.graphml'), graphml.text);

    const json = await get('network.json');
    const nl = JSON.parse(json.text);
    expect(new Set(nl.nodes.map((n: any) => n.id))).toEqual(expected.nodes);
    expect(new Set(nl.links.map((l: any) => l.key))).toEqual(expected.edges);
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
g3 = nx.node_link_graph(json.load(open(d + '/n.json')), edges='links')
print(json.dumps([g1.number_of_nodes(), g2.number_of_nodes(), g3.number_of_nodes(), g3.number_of_edges(), g2.number_of_edges()]))`;
    const out = JSON.parse(execFileSync('python3', ['-c', script, dir], { encoding: 'utf8' }));
    expect(out.slice(0, 4)).toEqual([expected.nodes.size, expected.nodes.size, expected.nodes.size, expected.edges.size]);
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
});
