import { toGexf, type ExportNetwork } from '../../../src/analytics/formats';

describe('GEXF export', () => {
  const edge = { kind: 'COLLABORATES_WITH', weight: 0, since: null, until: null };
  const net = (directed: boolean): ExportNetwork => ({
    directed,
    nodeAttributes: [],
    nodes: [{ id: 'a', label: 'A', attributes: {} }, { id: 'b', label: 'B', attributes: {} }, { id: 'c', label: 'C', attributes: {} }],
    edges: [{ ...edge, id: 'e1', source: 'a', target: 'b', directed: false }, { ...edge, id: 'e2', source: 'b', target: 'c', directed: true, weight: 2 }],
  });

  it('marks a bond with directed: false as an undirected edge of a directed graph, and keeps a weight of 0', () => {
    const gexf = toGexf(net(true));
    expect(gexf).toMatch(/<edge id="e1"[^>]* type="undirected" weight="0"/);
    expect(gexf).not.toMatch(/<edge id="e2"[^>]* type=/);
  });

  it('needs no edge type in an undirected graph', () => {
    expect(toGexf(net(false))).not.toMatch(/<edge [^>]* type=/);
  });
});
