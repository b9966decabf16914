/** Inline SVG charts, generated as strings (no chart library, no network). */

import { SECTOR_COLORS } from '../src/common/drawing';

// The sectors' colours are the explorer's and the GEXF export's (one table, src/common/drawing.ts).
export { SECTOR_COLORS };

export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Vertical bars, one per label (e.g. amounts by year). */
export function barChart(points: { label: string; value: number }[], format: (v: number) => string, title: string): string {
  const w = 460, h = 200, pad = { l: 10, r: 10, t: 20, b: 28 };
  const max = Math.max(1, ...points.map((p) => p.value));
  const bw = points.length ? (w - pad.l - pad.r) / points.length : 0;
  const bars = points.map((p, i) => {
    const bh = ((h - pad.t - pad.b) * p.value) / max;
    const x = pad.l + i * bw + bw * 0.15;
    const y = h - pad.b - bh;
    return `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(bw * 0.7).toFixed(1)}" height="${bh.toFixed(1)}" fill="#3b6ea5"><title>${esc(p.label)} : ${esc(format(p.value))}</title></rect>` +
      `<text x="${(x + bw * 0.35).toFixed(1)}" y="${(y - 4).toFixed(1)}" text-anchor="middle" font-size="10">${esc(format(p.value))}</text>` +
      `<text x="${(x + bw * 0.35).toFixed(1)}" y="${h - pad.b + 14}" text-anchor="middle" font-size="11">${esc(p.label)}</text>`;
  });
  return `<svg class="chart" viewBox="0 0 ${w} ${h}" role="img" aria-label="${esc(title)}"><line x1="${pad.l}" y1="${h - pad.b}" x2="${w - pad.r}" y2="${h - pad.b}" stroke="#888"/>${bars.join('')}</svg>`;
}

/** One horizontal stacked bar of shares, with a legend (the sector mix). */
export function mixBar(parts: { key: string; label: string; value: number }[], format: (v: number) => string, title: string): string {
  const w = 460, total = parts.reduce((s, p) => s + p.value, 0) || 1;
  let x = 0;
  const rects = parts.map((p) => {
    const pw = (w * p.value) / total;
    const r = `<rect x="${x.toFixed(1)}" y="0" width="${pw.toFixed(1)}" height="22" fill="${SECTOR_COLORS[p.key] ?? '#999'}"><title>${esc(p.label)} : ${esc(format(p.value))}</title></rect>`;
    x += pw;
    return r;
  });
  const legend = parts.map((p, i) => `<g transform="translate(0,${34 + i * 16})"><rect width="10" height="10" fill="${SECTOR_COLORS[p.key] ?? '#999'}"/><text x="14" y="9" font-size="11">${esc(p.label)} — ${esc(format(p.value))} (${Math.round((100 * p.value) / total)} %)</text></g>`);
  const h = 34 + parts.length * 16 + 4;
  return `<svg class="chart" viewBox="0 0 ${w} ${h}" role="img" aria-label="${esc(title)}">${rects.join('')}${legend.join('')}</svg>`;
}

/** A results series: values as a line with dots, the target as a dashed line. */
export function seriesChart(points: { date: string; value: number }[], target: number | null, format: (v: number) => string, title: string): string {
  const w = 460, h = 180, pad = { l: 46, r: 12, t: 14, b: 26 };
  if (!points.length) return '';
  const max = Math.max(target ?? 0, ...points.map((p) => p.value)) * 1.1 || 1;
  const x = (i: number) => pad.l + (points.length === 1 ? (w - pad.l - pad.r) / 2 : (i * (w - pad.l - pad.r)) / (points.length - 1));
  const y = (v: number) => h - pad.b - ((h - pad.t - pad.b) * v) / max;
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const dots = points.map((p, i) => `<circle cx="${x(i).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="3.5" fill="#3b6ea5"><title>${esc(p.date)} : ${esc(format(p.value))}</title></circle><text x="${x(i).toFixed(1)}" y="${h - 8}" text-anchor="middle" font-size="10">${esc(p.date.slice(0, 4))}</text>`);
  const goal = target != null ? `<line x1="${pad.l}" x2="${w - pad.r}" y1="${y(target).toFixed(1)}" y2="${y(target).toFixed(1)}" stroke="#c0392b" stroke-dasharray="5 4"/><text x="${pad.l - 4}" y="${(y(target) + 4).toFixed(1)}" text-anchor="end" font-size="10" fill="#c0392b">${esc(format(target))}</text>` : '';
  return `<svg class="chart" viewBox="0 0 ${w} ${h}" role="img" aria-label="${esc(title)}"><line x1="${pad.l}" y1="${h - pad.b}" x2="${w - pad.r}" y2="${h - pad.b}" stroke="#888"/>${goal}<path d="${path}" fill="none" stroke="#3b6ea5" stroke-width="2"/>${dots.join('')}</svg>`;
}

/** Operations as points: money (x) against attainment (y). */
export function scatter(points: { label: string; x: number; y: number }[], fx: (v: number) => string, fy: (v: number) => string, axes: [string, string], title: string): string {
  const w = 460, h = 260, pad = { l: 46, r: 16, t: 12, b: 36 };
  const mx = Math.max(1, ...points.map((p) => p.x)) * 1.05;
  const my = Math.max(0.01, ...points.map((p) => p.y)) * 1.1;
  const X = (v: number) => pad.l + ((w - pad.l - pad.r) * v) / mx;
  const Y = (v: number) => h - pad.b - ((h - pad.t - pad.b) * v) / my;
  const dots = points.map((p) => `<circle cx="${X(p.x).toFixed(1)}" cy="${Y(p.y).toFixed(1)}" r="4" fill="#3b6ea5"><title>${esc(p.label)} : ${esc(fx(p.x))}, ${esc(fy(p.y))}</title></circle><text x="${(X(p.x) + 6).toFixed(1)}" y="${(Y(p.y) + 3).toFixed(1)}" font-size="9">${esc(p.label)}</text>`);
  return `<svg class="chart" viewBox="0 0 ${w} ${h}" role="img" aria-label="${esc(title)}"><line x1="${pad.l}" y1="${h - pad.b}" x2="${w - pad.r}" y2="${h - pad.b}" stroke="#888"/><line x1="${pad.l}" y1="${pad.t}" x2="${pad.l}" y2="${h - pad.b}" stroke="#888"/>` +
    `<text x="${w / 2}" y="${h - 6}" text-anchor="middle" font-size="11">${esc(axes[0])}</text><text x="12" y="${h / 2}" transform="rotate(-90 12 ${h / 2})" text-anchor="middle" font-size="11">${esc(axes[1])}</text>${dots.join('')}</svg>`;
}

/** The operation's network on a circle, by sector (deterministic: ordered by sector then name). */
export function networkChart(nodes: { id: string; name: string; sector: string }[], edges: { from: string; to: string }[], title: string): string {
  const w = 460, h = 360, cx = w / 2, cy = h / 2, r = Math.min(w, h) / 2 - 24;
  const order = [...nodes].sort((a, b) => (a.sector < b.sector ? -1 : a.sector > b.sector ? 1 : a.name.localeCompare(b.name)));
  const at = new Map(order.map((n, i) => [n.id, { x: cx + r * Math.cos((2 * Math.PI * i) / Math.max(1, order.length) - Math.PI / 2), y: cy + r * Math.sin((2 * Math.PI * i) / Math.max(1, order.length) - Math.PI / 2) }]));
  const lines = edges.filter((e) => at.has(e.from) && at.has(e.to)).map((e) => {
    const a = at.get(e.from)!, b = at.get(e.to)!;
    return `<line x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${b.x.toFixed(1)}" y2="${b.y.toFixed(1)}" stroke="#9aa" stroke-width="0.7" stroke-opacity="0.7"/>`;
  });
  const dots = order.map((n) => {
    const p = at.get(n.id)!;
    return `<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="4.5" fill="${SECTOR_COLORS[n.sector] ?? '#999'}" stroke="#fff" stroke-width="0.8"><title>${esc(n.name)}</title></circle>`;
  });
  return `<svg class="chart network" viewBox="0 0 ${w} ${h}" role="img" aria-label="${esc(title)}">${lines.join('')}${dots.join('')}</svg>`;
}
