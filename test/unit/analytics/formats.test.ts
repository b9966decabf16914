import { XMLParser } from 'fast-xml-parser';
import { toGexf, toGraphml, toNodeLink, type ExportNetwork } from '../../../src/analytics/formats';
import { drawingOf } from '../../../src/analytics/export.service';
import { EXTERNAL_COLOR, nodeSize, SECTOR_COLORS } from '../../../src/common/drawing';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
const asArray = <T>(x: T | T[] | undefined): T[] => (x == null ? [] : Array.isArray(x) ? x : [x]);

describe('GEXF export', () => {
  const edge = { kind: 'COLLABORATES_WITH', weight: 0, since: null, until: null };
  const net = (directed: boolean): ExportNetwork => ({
    directed,
    nodeAttributes: [],
    nodes: [
      { id: 'a', label: 'A', attributes: {}, viz: { x: -12.5, y: 3.25, size: 21, color: '#4e79a7' } },
      { id: 'b', label: 'B', attributes: {}, viz: { x: 0, y: -7, size: 4.5, color: '#F28E2B' } },
      { id: 'c', label: 'C', attributes: {} },
    ],
    edges: [
      { ...edge, id: 'e1', source: 'a', target: 'b', directed: false, since: '2011-06-01', until: '2015-12-31' },
      { ...edge, id: 'e2', source: 'b', target: 'c', directed: true, weight: 2, since: '2013-01-14' },
      { ...edge, id: 'e3', source: 'a', target: 'c', directed: true, until: '2012-03-31' },
      { ...edge, id: 'e4', source: 'c', target: 'a', directed: false },
    ],
  });
  const edgesOf = (gexf: string) => new Map(asArray<any>(parser.parse(gexf).gexf.graph.edges.edge).map((e) => [e.id, e]));

  it('is GEXF 1.3 with the viz namespace, a dynamic graph with dates', () => {
    const doc = parser.parse(toGexf(net(false))).gexf;
    expect(doc).toMatchObject({ xmlns: 'http://gexf.net/1.3', 'xmlns:viz': 'http://gexf.net/1.3/viz', version: '1.3' });
    expect(doc.graph).toMatchObject({ mode: 'dynamic', timeformat: 'date', defaultedgetype: 'undirected' });
  });

  it("writes the explorer's drawing as viz:color (r, g, b), viz:position and viz:size; a node without one has none", () => {
    const nodes = new Map(asArray<any>(parser.parse(toGexf(net(false))).gexf.graph.nodes.node).map((n) => [n.id, n]));
    expect(nodes.get('a')).toMatchObject({ 'viz:color': { r: '78', g: '121', b: '167' }, 'viz:position': { x: '-12.5', y: '3.25', z: '0' }, 'viz:size': { value: '21' } });
    expect(nodes.get('b')['viz:color']).toEqual({ r: '242', g: '142', b: '43' });
    expect(Object.keys(nodes.get('c')).filter((k) => k.startsWith('viz:'))).toEqual([]);
  });

  it("dates each edge from its bond's since to its until (either open); an undated bond has no bound, so it is always there", () => {
    const edges = edgesOf(toGexf(net(false)));
    expect([edges.get('e1').start, edges.get('e1').end]).toEqual(['2011-06-01', '2015-12-31']);
    expect([edges.get('e2').start, edges.get('e2').end]).toEqual(['2013-01-14', undefined]);
    expect([edges.get('e3').start, edges.get('e3').end]).toEqual([undefined, '2012-03-31']);
    expect([edges.get('e4').start, edges.get('e4').end]).toEqual([undefined, undefined]);
  });

  it('marks each edge with its type in a directed graph: a bond with directed: false is undirected; keeps a weight of 0', () => {
    const edges = edgesOf(toGexf(net(true)));
    expect([...edges.values()].map((e) => [e.id, e.type])).toEqual([['e1', 'undirected'], ['e2', 'directed'], ['e3', 'directed'], ['e4', 'undirected']]);
    expect(edges.get('e1').weight).toBe('0');
  });

  it('draws every edge undirected in an undirected graph, and keeps the bond\'s own direction as the "directed" attribute', () => {
    const gexf = toGexf(net(false));
    const doc = parser.parse(gexf).gexf.graph;
    const directedId = asArray<any>(doc.attributes[1].attribute).find((a) => a.title === 'directed').id;
    const edges = edgesOf(gexf);
    expect([...edges.values()].every((e) => e.type === 'undirected')).toBe(true);
    expect([...edges.values()].map((e) => asArray<any>(e.attvalues.attvalue).find((v) => v.for === directedId).value)).toEqual(['false', 'true', 'true', 'false']);
  });

  it('drops a date that is not YYYY-MM-DD rather than write a bound Gephi cannot read', () => {
    const n = net(false);
    n.edges[0]!.since = '2011-06-01T00:00:00Z';
    expect(edgesOf(toGexf(n)).get('e1').start).toBeUndefined();
  });
});

describe('per-edge direction in GraphML and node-link JSON', () => {
  const net: ExportNetwork = {
    directed: true,
    nodeAttributes: [],
    nodes: [{ id: 'a', label: 'A', attributes: {} }, { id: 'b', label: 'B', attributes: {} }],
    edges: [
      { id: 'e1', source: 'a', target: 'b', kind: 'COLLABORATES_WITH', weight: null, directed: false, since: null, until: null },
      { id: 'e2', source: 'a', target: 'b', kind: 'FUNDS', weight: null, directed: true, since: null, until: null },
      { id: 'e3', source: 'b', target: 'a', kind: 'INFORMS', weight: null, since: null, until: null },
    ],
  };

  it('GraphML: a boolean "directed" data key on every edge', () => {
    const doc = parser.parse(toGraphml(net)).graphml;
    expect(asArray<any>(doc.key).find((k) => k.id === 'directed')).toMatchObject({ for: 'edge', 'attr.name': 'directed', 'attr.type': 'boolean' });
    const flags = asArray<any>(doc.graph.edge).map((e) => asArray<any>(e.data).find((d) => d.key === 'directed')['#text']);
    expect(flags).toEqual([false, true, true]); // e3 follows the directed graph (the parser reads booleans)
  });

  it('node-link JSON: directed per link', () => {
    expect(JSON.parse(toNodeLink(net)).edges.map((l: any) => l.directed)).toEqual([false, true, true]);
    expect(JSON.parse(toNodeLink({ ...net, directed: false })).edges.map((l: any) => l.directed)).toEqual([false, true, false]);
  });
});

describe("the export's drawing (shared with the explorer)", () => {
  const actors = [
    { id: 'dept', sector: 'PUBLIC_ADMINISTRATION' },
    { id: 'firm', sector: 'ECONOMIC' },
    { id: 'lab', sector: 'RESEARCH' },
    { id: 'club', sector: 'CIVIL_SOCIETY' },
    { id: 'odd', sector: 'ROBOTS' },
  ];
  const bonds = [
    { id: 'b1', source: 'dept', target: 'firm' },
    { id: 'b2', source: 'dept', target: 'lab' },
    { id: 'b3', source: 'dept', target: 'club' },
    { id: 'b4', source: 'lab', target: 'firm' },
    { id: 'b5', source: 'club', target: 'odd' },
    { id: 'b6', source: 'lab', target: 'nowhere' },
  ];
  const scores = new Map([['dept', 0.6], ['firm', 0.15], ['lab', 0.15], ['club', 0.3], ['odd', 0]]);

  it('colours by sector, sizes by the score as the explorer does, and lays out deterministically', () => {
    const first = drawingOf(actors, bonds, scores);
    const again = drawingOf(actors, bonds, scores);
    expect([...again]).toEqual([...first]);
    expect(first.get('firm')!.color).toBe(SECTOR_COLORS.ECONOMIC);
    expect(first.get('odd')!.color).toBe(EXTERNAL_COLOR);
    expect(first.get('dept')!.size).toBe(nodeSize(0.6, 0.6, 5));
    expect(first.get('dept')!.size).toBeGreaterThan(first.get('club')!.size);
    expect(first.get('odd')!.size).toBe(nodeSize(0, 0.6, 5));
    const points = [...first.values()].map((p) => `${p.x},${p.y}`);
    expect(new Set(points).size).toBe(actors.length);
    for (const p of first.values()) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
  });
});
