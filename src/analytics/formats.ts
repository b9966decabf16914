import { writeCsv, type CsvColumn, type Dialect } from '../transfer/csv';
import { exportLabelsFr, LABELS_FR } from '../transfer/labels-fr';

/** How the explorer draws a node: position in layout units, size in screen pixels, colour `#rrggbb`. */
export interface NodeDrawing {
  x: number;
  y: number;
  size: number;
  color: string;
}

/** A network ready to write: nodes with attributes, bonds as directed edges (from → to). */
export interface ExportNetwork {
  directed: boolean;
  /** `viz`: written as GEXF `viz:position`, `viz:size`, `viz:color`. */
  nodes: Array<{ id: string; label: string; attributes: Record<string, string | number | null>; viz?: NodeDrawing }>;
  /**
   * `directed`: the bond's own direction (false: a tie both ways), written on every edge of the
   * GEXF, GraphML and node-link files; absent, the edge follows the graph. `since`/`until` (YYYY-MM-DD) date the bond.
   */
  edges: Array<{ id: string; source: string; target: string; kind: string; weight: number | null; directed?: boolean; since: string | null; until: string | null }>;
  /** Node attribute names with their type, in column order. */
  nodeAttributes: Array<{ name: string; type: 'string' | 'double' | 'integer' }>;
}

export type ExportFormat = 'gexf' | 'graphml' | 'json' | 'nodes.csv' | 'edges.csv';

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  gexf: 'application/gexf+xml; charset=utf-8',
  graphml: 'application/graphml+xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
  'nodes.csv': 'text/csv; charset=utf-8',
  'edges.csv': 'text/csv; charset=utf-8',
};

const xml = (s: string | number): string =>
  String(s)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const edgeDirected = (net: ExportNetwork, e: ExportNetwork['edges'][number]): boolean => e.directed ?? net.directed;

/** `#rrggbb` as GEXF's `r="…" g="…" b="…"` (NetworkX reads only these, not 1.3's `hex`). */
function rgb(color: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  const [r, g, b] = m ? m.slice(1).map((h) => parseInt(h, 16)) : [0, 0, 0];
  return `r="${r}" g="${g}" b="${b}"`;
}

/**
 * GEXF 1.3 for Gephi (also `networkx.read_gexf`): a dynamic graph (`timeformat="date"`) where a
 * bond exists from its `since` to its `until` (inclusive; either may be open, an undated bond is
 * always there), so that Gephi's timeline plays the program's years; nodes carry the explorer's
 * drawing as `viz:position`, `viz:color` and `viz:size`. Each edge says its own `type` and has a
 * `directed` attribute; an undirected bond is `type="undirected"` even in a directed graph (Gephi draws mixed graphs;
 * NetworkX refuses them: read a directed scope from network.json or network.graphml there).
 */
export function toGexf(net: ExportNetwork): string {
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push('<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">');
  out.push('  <meta><creator>Agencement</creator><description>TESR actor network</description></meta>');
  out.push(`  <graph mode="dynamic" timeformat="date" defaultedgetype="${net.directed ? 'directed' : 'undirected'}">`);
  out.push('    <attributes class="node">');
  net.nodeAttributes.forEach((a, i) => out.push(`      <attribute id="${i}" title="${xml(a.name)}" type="${a.type === 'integer' ? 'integer' : a.type}"/>`));
  out.push('    </attributes>');
  out.push('    <attributes class="edge">');
  out.push('      <attribute id="0" title="kind" type="string"/>');
  out.push('      <attribute id="1" title="since" type="string"/>');
  out.push('      <attribute id="2" title="until" type="string"/>');
  out.push('      <attribute id="3" title="directed" type="boolean"/>');
  out.push('    </attributes>');
  out.push('    <nodes>');
  for (const n of net.nodes) {
    const values = net.nodeAttributes
      .map((a, i) => (n.attributes[a.name] == null ? '' : `<attvalue for="${i}" value="${xml(n.attributes[a.name]!)}"/>`))
      .join('');
    const viz = n.viz
      ? `<viz:color ${rgb(n.viz.color)}/><viz:position x="${n.viz.x}" y="${n.viz.y}" z="0"/><viz:size value="${n.viz.size}"/>`
      : '';
    out.push(`      <node id="${xml(n.id)}" label="${xml(n.label)}"><attvalues>${values}</attvalues>${viz}</node>`);
  }
  out.push('    </nodes>');
  out.push('    <edges>');
  for (const e of net.edges) {
    const since = e.since && DAY.test(e.since) ? e.since : null;
    const until = e.until && DAY.test(e.until) ? e.until : null;
    const directed = edgeDirected(net, e);
    const values = [`<attvalue for="0" value="${xml(e.kind)}"/>`, since ? `<attvalue for="1" value="${since}"/>` : '', until ? `<attvalue for="2" value="${until}"/>` : '', `<attvalue for="3" value="${directed}"/>`].join('');
    // In an undirected analysis every edge is drawn undirected; the `directed` attribute keeps the bond's own.
    const shown = net.directed && directed ? 'directed' : 'undirected';
    const spell = `${since ? ` start="${since}"` : ''}${until ? ` end="${until}"` : ''}`;
    out.push(`      <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}" label="${xml(e.kind)}" type="${shown}"${e.weight != null ? ` weight="${e.weight}"` : ''}${spell}><attvalues>${values}</attvalues></edge>`);
  }
  out.push('    </edges>');
  out.push('  </graph>');
  out.push('</gexf>');
  return out.join('\n') + '\n';
}

/** GraphML (yEd, Cytoscape, igraph, `networkx.read_graphml`). */
export function toGraphml(net: ExportNetwork): string {
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">');
  out.push('  <key id="label" for="node" attr.name="label" attr.type="string"/>');
  net.nodeAttributes.forEach((a, i) => out.push(`  <key id="n${i}" for="node" attr.name="${xml(a.name)}" attr.type="${a.type === 'integer' ? 'int' : a.type}"/>`));
  out.push('  <key id="kind" for="edge" attr.name="kind" attr.type="string"/>');
  out.push('  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>');
  out.push('  <key id="since" for="edge" attr.name="since" attr.type="string"/>');
  out.push('  <key id="until" for="edge" attr.name="until" attr.type="string"/>');
  // The bond's own direction as data, not GraphML's `directed=` XML attribute, which NetworkX refuses when it differs from edgedefault.
  out.push('  <key id="directed" for="edge" attr.name="directed" attr.type="boolean"/>');
  out.push(`  <graph id="tesr" edgedefault="${net.directed ? 'directed' : 'undirected'}">`);
  for (const n of net.nodes) {
    const data = net.nodeAttributes.map((a, i) => (n.attributes[a.name] == null ? '' : `<data key="n${i}">${xml(n.attributes[a.name]!)}</data>`)).join('');
    out.push(`    <node id="${xml(n.id)}"><data key="label">${xml(n.label)}</data>${data}</node>`);
  }
  for (const e of net.edges) {
    const data = [`<data key="kind">${xml(e.kind)}</data>`, e.weight != null ? `<data key="weight">${e.weight}</data>` : '', e.since ? `<data key="since">${e.since}</data>` : '', e.until ? `<data key="until">${e.until}</data>` : '', `<data key="directed">${edgeDirected(net, e)}</data>`].join('');
    out.push(`    <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}">${data}</edge>`);
  }
  out.push('  </graph>');
  out.push('</graphml>');
  return out.join('\n') + '\n';
}

/** NetworkX node-link JSON as NetworkX 3.6 writes it (`edges`): `networkx.node_link_graph(data)` reads it. */
export function toNodeLink(net: ExportNetwork): string {
  return JSON.stringify({
    directed: net.directed,
    multigraph: true,
    graph: { name: 'TESR actor network', creator: 'Agencement' },
    nodes: net.nodes.map((n) => ({ id: n.id, label: n.label, ...n.attributes })),
    edges: net.edges.map((e) => ({ source: e.source, target: e.target, key: e.id, kind: e.kind, weight: e.weight, directed: edgeDirected(net, e), since: e.since, until: e.until })),
  });
}

/** excel-fr headers and types of the node attributes exportNetwork writes (others keep their name). */
const NODE_CSV: Record<string, Omit<CsvColumn, 'name'>> = {
  id: { headerFr: 'Identifiant' },
  label: { headerFr: 'Nom' },
  kind: { headerFr: 'Type', type: 'enum', enumLabelsFr: exportLabelsFr(LABELS_FR.ActorKind) },
  sector: { headerFr: 'Secteur', type: 'enum', enumLabelsFr: exportLabelsFr(LABELS_FR.Sector) },
  department: { headerFr: 'Direction' },
  operations: { headerFr: 'Opérations', type: 'list' },
  degree: { headerFr: 'Degré' },
  closeness: { headerFr: 'Proximité' },
  betweenness: { headerFr: 'Intermédiarité' },
  eigenvector: { headerFr: 'Vecteur propre' },
  pagerank: { headerFr: 'PageRank' },
  constraint: { headerFr: 'Contrainte' },
  community: { headerFr: 'Communauté' },
};

const EDGE_CSV: CsvColumn[] = [
  { name: 'id', headerFr: 'Identifiant' },
  { name: 'source', headerFr: 'Source' },
  { name: 'target', headerFr: 'Cible' },
  { name: 'kind', headerFr: 'Type de lien', type: 'enum', enumLabelsFr: exportLabelsFr(LABELS_FR.BondKind) },
  { name: 'weight', headerFr: 'Poids', type: 'number' },
  { name: 'since', headerFr: 'Depuis', type: 'date' },
  { name: 'until', headerFr: "Jusqu'au", type: 'date' },
];

/** Nodes for spreadsheets; excel-fr shows a department by its name when the department is in the network. */
export function toNodesCsv(net: ExportNetwork, dialect: Dialect = 'rfc4180'): string {
  const columns: CsvColumn[] = ['id', 'label', ...net.nodeAttributes.map((a) => a.name)].map((name) => {
    const attr = net.nodeAttributes.find((a) => a.name === name);
    return { name, type: attr && attr.type !== 'string' ? 'number' : 'string', ...NODE_CSV[name] };
  });
  const names = dialect === 'excel-fr' ? new Map(net.nodes.filter((n) => n.attributes.kind === 'DEPARTMENT').map((n) => [n.id, n.label])) : null;
  const rows = net.nodes.map((n) => {
    const row: Record<string, unknown> = { id: n.id, label: n.label, ...n.attributes };
    const dep = n.attributes.department;
    if (names && typeof dep === 'string') row.department = names.get(dep) ?? dep;
    return row;
  });
  return writeCsv(rows, columns, dialect);
}

export function toEdgesCsv(net: ExportNetwork, dialect: Dialect = 'rfc4180'): string {
  return writeCsv(net.edges, EDGE_CSV, dialect);
}

export function render(net: ExportNetwork, format: ExportFormat, dialect: Dialect = 'rfc4180'): string {
  switch (format) {
    case 'gexf':
      return toGexf(net);
    case 'graphml':
      return toGraphml(net);
    case 'json':
      return toNodeLink(net);
    case 'nodes.csv':
      return toNodesCsv(net, dialect);
    case 'edges.csv':
      return toEdgesCsv(net, dialect);
  }
}
