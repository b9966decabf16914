import { writeCsv, type CsvColumn, type Dialect } from '../transfer/csv';
import { exportLabelsFr, LABELS_FR } from '../transfer/labels-fr';

/** A network ready to write: nodes with attributes, bonds as directed edges (from → to). */
export interface ExportNetwork {
  directed: boolean;
  nodes: Array<{ id: string; label: string; attributes: Record<string, string | number | null> }>;
  /** `directed: false`: a bond that is a tie both ways (GEXF marks it undirected in a directed graph). */
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

/** GEXF 1.2 (Gephi; also `networkx.read_gexf`). */
export function toGexf(net: ExportNetwork): string {
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push('<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">');
  out.push('  <meta><creator>Agencement</creator><description>TESR actor network</description></meta>');
  out.push(`  <graph mode="static" defaultedgetype="${net.directed ? 'directed' : 'undirected'}">`);
  out.push('    <attributes class="node">');
  net.nodeAttributes.forEach((a, i) => out.push(`      <attribute id="${i}" title="${xml(a.name)}" type="${a.type === 'integer' ? 'integer' : a.type}"/>`));
  out.push('    </attributes>');
  out.push('    <attributes class="edge">');
  out.push('      <attribute id="0" title="kind" type="string"/>');
  out.push('      <attribute id="1" title="since" type="string"/>');
  out.push('      <attribute id="2" title="until" type="string"/>');
  out.push('    </attributes>');
  out.push('    <nodes>');
  for (const n of net.nodes) {
    const values = net.nodeAttributes
      .map((a, i) => (n.attributes[a.name] == null ? '' : `<attvalue for="${i}" value="${xml(n.attributes[a.name]!)}"/>`))
      .join('');
    out.push(`      <node id="${xml(n.id)}" label="${xml(n.label)}"><attvalues>${values}</attvalues></node>`);
  }
  out.push('    </nodes>');
  out.push('    <edges>');
  for (const e of net.edges) {
    const values = [`<attvalue for="0" value="${xml(e.kind)}"/>`, e.since ? `<attvalue for="1" value="${e.since}"/>` : '', e.until ? `<attvalue for="2" value="${e.until}"/>` : ''].join('');
    const type = net.directed && e.directed === false ? ' type="undirected"' : '';
    out.push(`      <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}" label="${xml(e.kind)}"${type}${e.weight != null ? ` weight="${e.weight}"` : ''}><attvalues>${values}</attvalues></edge>`);
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
  out.push(`  <graph id="tesr" edgedefault="${net.directed ? 'directed' : 'undirected'}">`);
  for (const n of net.nodes) {
    const data = net.nodeAttributes.map((a, i) => (n.attributes[a.name] == null ? '' : `<data key="n${i}">${xml(n.attributes[a.name]!)}</data>`)).join('');
    out.push(`    <node id="${xml(n.id)}"><data key="label">${xml(n.label)}</data>${data}</node>`);
  }
  for (const e of net.edges) {
    const data = [`<data key="kind">${xml(e.kind)}</data>`, e.weight != null ? `<data key="weight">${e.weight}</data>` : '', e.since ? `<data key="since">${e.since}</data>` : '', e.until ? `<data key="until">${e.until}</data>` : ''].join('');
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
    edges: net.edges.map((e) => ({ source: e.source, target: e.target, key: e.id, kind: e.kind, weight: e.weight, since: e.since, until: e.until })),
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
