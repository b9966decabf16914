/**
 * Vector and raster exports that do not depend on the camera: the whole network as SVG (from the
 * positions of the whole-network view, with the labels the overlap pass keeps there), and the heat
 * map as SVG or PNG (its own SVG with the page's styles written inline).
 */
import type { Category } from './colors';
import type { PictureNode } from './graph-view';
import type { LabelBox } from './labels';

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const r1 = (v: number) => Math.round(v * 10) / 10;

export interface NetworkPicture {
  width: number;
  height: number;
  nodes: PictureNode[];
  /** Source, target, highlighted. */
  edges: [string, string, boolean][];
  labels: LabelBox[];
}

/** The whole network as a standalone SVG document: title, bonds, actors, labels, colour legend. */
export function networkSvg(pic: NetworkPicture, title: string, subtitle: string, legend: Category[]): string {
  const header = 56;
  const W = Math.round(pic.width);
  const H = Math.round(pic.height + header);
  const at = new Map(pic.nodes.map((n) => [n.id, n]));
  const edges: string[] = [];
  for (const [s, t, lit] of pic.edges) {
    const a = at.get(s);
    const b = at.get(t);
    if (a && b) edges.push(`<line x1="${r1(a.x)}" y1="${r1(a.y + header)}" x2="${r1(b.x)}" y2="${r1(b.y + header)}"${lit ? ' stroke="#5b6472" stroke-width="1.6"' : ''}/>`);
  }
  const nodes = pic.nodes.map((n) => `<circle data-id="${esc(n.id)}" cx="${r1(n.x)}" cy="${r1(n.y + header)}" r="${r1(n.r)}" fill="${esc(n.color)}"><title>${esc(n.label)}</title></circle>`);
  const labels = pic.labels.map((b) => {
    const n = at.get(b.id)!;
    return `<text x="${r1(n.x + n.r + 5)}" y="${r1(n.y + header + 4)}">${esc(n.label)}</text>`;
  });
  const present = new Set(pic.nodes.map((n) => n.category));
  const items = legend.filter((c) => present.has(c.key));
  const ly = H - items.length * 18 - 16;
  const legendRows = items.map((c, i) => `<circle cx="20" cy="${ly + 14 + i * 18}" r="5" fill="${esc(c.color)}"/><text x="32" y="${ly + 18 + i * 18}">${esc(c.label)}</text>`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, sans-serif" data-nodes="${pic.nodes.length}" data-edges="${edges.length}">`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<text x="16" y="26" font-size="18" font-weight="600" fill="#1d232b">${esc(title)}</text>`,
    `<text x="16" y="46" font-size="13" fill="#59616d">${esc(subtitle)}</text>`,
    `<g id="edges" stroke="#c6cbd3" stroke-width="0.7">${edges.join('')}</g>`,
    `<g id="nodes">${nodes.join('')}</g>`,
    `<g id="labels" font-size="11" fill="#1d232b">${labels.join('')}</g>`,
    `<g id="legend" font-size="12" fill="#1d232b"><rect x="8" y="${ly}" width="230" height="${items.length * 18 + 10}" fill="#ffffff" fill-opacity="0.9"/>${legendRows.join('')}</g>`,
    '</svg>',
  ].join('\n');
}

/** Styles the heat map takes from styles.css, written on its elements so the file stands alone. */
const INLINE: Record<string, Record<string, string>> = {
  '.axis-label': { 'font-size': '11px', fill: '#4a525d' },
  '.cell-label': { 'font-size': '11px', 'font-weight': '600' },
};

/** A standalone copy of an SVG drawn in the page (the heat map), with its size and styles. */
export function standaloneSvg(svg: SVGSVGElement, title: string): { text: string; width: number; height: number } {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const [, , w, hgt] = (copy.getAttribute('viewBox') ?? '0 0 600 600').split(/\s+/).map(Number);
  const width = w ?? 600;
  const height = (hgt ?? 600) + 28;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('viewBox', `0 -28 ${width} ${height}`);
  copy.setAttribute('font-family', 'system-ui, sans-serif');
  for (const [selector, styles] of Object.entries(INLINE)) {
    copy.querySelectorAll(selector).forEach((el) => {
      for (const [k, v] of Object.entries(styles)) el.setAttribute(k, v);
    });
  }
  const heading = document.createElementNS('http://www.w3.org/2000/svg', 'text');
  heading.setAttribute('x', '8');
  heading.setAttribute('y', '-8');
  heading.setAttribute('font-size', '15');
  heading.setAttribute('font-weight', '600');
  heading.setAttribute('fill', '#1d232b');
  heading.textContent = title;
  copy.insertBefore(heading, copy.firstChild);
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  for (const [k, v] of Object.entries({ x: '0', y: '-28', width: String(width), height: String(height), fill: '#ffffff' })) background.setAttribute(k, v);
  copy.insertBefore(background, copy.firstChild);
  return { text: new XMLSerializer().serializeToString(copy), width, height };
}

/** Rasterizes an SVG document to a PNG data URL (twice its size, for print). */
export function svgToPng(svg: { text: string; width: number; height: number }, scale = 2): Promise<string> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(svg.width * scale);
      canvas.height = Math.round(svg.height * scale);
      const ctx = canvas.getContext('2d')!;
      ctx.scale(scale, scale);
      ctx.drawImage(img, 0, 0, svg.width, svg.height);
      resolve(canvas.toDataURL('image/png'));
    };
    img.onerror = () => reject(new Error('SVG could not be rasterized'));
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.text)}`;
  });
}
