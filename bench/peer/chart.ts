/** A small hand-written SVG bar chart: page views/s of ours, the peer and the floor, per workload, one panel per concurrency. */
import type { Server } from './workloads';

interface Point {
  workload: string;
  connections: number;
  server: Server;
  rps: number;
  p99: number;
}

const COLORS: Record<Server, string> = { ours: '#2e7d32', peer: '#9e9e9e', floor: '#1565c0' };
const ORDER: Server[] = ['ours', 'peer', 'floor'];
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function renderChart(workloads: string[], conns: number[], points: Point[]): string {
  const panelW = 300;
  const panelH = 220;
  const top = 60;
  const left = 50;
  const width = left + conns.length * (panelW + 30) + 10;
  const height = top + panelH + 70;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`);
  out.push(`<rect width="100%" height="100%" fill="white"/>`);
  out.push(`<text x="${left}" y="22" font-size="15" font-weight="bold">Page views/s: our API, @neo4j/graphql 7 and a hand-written floor (same Neo4j, same data)</text>`);
  out.push(`<rect x="${left}" y="32" width="12" height="12" fill="${COLORS.ours}"/><text x="${left + 16}" y="42">ours</text>`);
  out.push(`<rect x="${left + 60}" y="32" width="12" height="12" fill="${COLORS.peer}"/><text x="${left + 76}" y="42">@neo4j/graphql</text>`);
  out.push(`<rect x="${left + 170}" y="32" width="12" height="12" fill="${COLORS.floor}"/><text x="${left + 186}" y="42">floor (hand-written)</text>`);
  out.push(`<text x="${left + 300}" y="42" fill="#555">below: ours/peer, ours/floor, p99 ms ours/peer</text>`);
  conns.forEach((c, pi) => {
    const x0 = left + pi * (panelW + 30);
    const pts = points.filter((p) => p.connections === c);
    const max = Math.max(1, ...pts.map((p) => p.rps));
    out.push(`<text x="${x0 + panelW / 2}" y="${top - 4}" text-anchor="middle" font-weight="bold">${c} connection${c === 1 ? '' : 's'}</text>`);
    out.push(`<line x1="${x0}" y1="${top + panelH}" x2="${x0 + panelW}" y2="${top + panelH}" stroke="#333"/>`);
    out.push(`<text x="${x0 - 4}" y="${top + 8}" text-anchor="end" fill="#555">${Math.round(max)}</text>`);
    const groupW = panelW / workloads.length;
    workloads.forEach((w, wi) => {
      const gx = x0 + wi * groupW;
      const barW = groupW * 0.23;
      const get = (s: Server) => pts.find((p) => p.workload === w && p.server === s);
      ORDER.forEach((s, si) => {
        const p = get(s);
        if (!p) return;
        const h = (p.rps / max) * (panelH - 20);
        const bx = gx + groupW * 0.15 + si * barW;
        out.push(`<rect x="${bx.toFixed(1)}" y="${(top + panelH - h).toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="${COLORS[s]}"><title>${esc(`${w} ${s} c=${c}: ${p.rps.toFixed(0)} req/s, p99 ${p.p99.toFixed(1)} ms`)}</title></rect>`);
        out.push(`<text x="${(bx + barW / 2).toFixed(1)}" y="${(top + panelH - h - 3).toFixed(1)}" text-anchor="middle" font-size="9">${p.rps.toFixed(0)}</text>`);
      });
      const o = get('ours');
      const p = get('peer');
      const f = get('floor');
      out.push(`<text x="${(gx + groupW / 2).toFixed(1)}" y="${top + panelH + 14}" text-anchor="middle" font-weight="bold">${w}</text>`);
      if (o && (p || f)) {
        out.push(`<text x="${(gx + groupW / 2).toFixed(1)}" y="${top + panelH + 28}" text-anchor="middle" font-size="9">${p ? (o.rps / p.rps).toFixed(2) : '-'}× / ${f ? (o.rps / f.rps).toFixed(2) : '-'}×</text>`);
        if (p) out.push(`<text x="${(gx + groupW / 2).toFixed(1)}" y="${top + panelH + 42}" text-anchor="middle" fill="#555" font-size="9">p99 ${o.p99.toFixed(0)}/${p.p99.toFixed(0)}</text>`);
      }
    });
  });
  out.push('</svg>');
  return out.join('\n');
}
