/**
 * How the network is drawn: sector colours, node sizes from a score, seeded start positions and the
 * ForceAtlas2 settings. One source for the explorer (explorer/colors.ts, explorer/graph-view.ts)
 * and the GEXF export (src/analytics/formats.ts), so that Gephi opens the picture the explorer shows.
 * No Node or DOM dependency: the explorer bundles it.
 */
import type Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { mulberry32 } from './random';

export const SECTOR_COLORS: Record<string, string> = {
  PUBLIC_ADMINISTRATION: '#4e79a7',
  POLITICAL: '#e15759',
  ECONOMIC: '#f28e2b',
  CIVIL_SOCIETY: '#59a14f',
  RESEARCH: '#b07aa1',
  CITIZENS: '#edc948',
};

/** Actors outside the colouring's categories (no department, unknown sector). */
export const EXTERNAL_COLOR = '#b8bcc4';

export type Point = { x: number; y: number };

/** A small seeded PRNG, so that initial positions (hence layouts) do not depend on Math.random. */
export function seededRandom(text: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return mulberry32(h);
}

/** Where a node starts before ForceAtlas2: on a circle, in the sector of its colour group (`groups` sorted). */
export function startPosition(id: string, category: string, groups: readonly string[]): Point {
  const rand = seededRandom(id);
  const g = groups.indexOf(category);
  const angle = ((g + 0.15 + rand() * 0.7) / Math.max(groups.length, 1)) * 2 * Math.PI;
  const radius = 40 + rand() * 60;
  return { x: Math.cos(angle) * radius, y: Math.sin(angle) * radius };
}

/**
 * ForceAtlas2's iterations and settings for a graph: inferred settings (strong gravity, slow-down
 * by size) with gravity 1, stable in a few hundred iterations on the demo graphs, no far-flung
 * low-degree actors; fewer iterations when most positions come from a previous layout (`warm`).
 */
export function forceAtlas2Options(graph: Graph, warm: boolean): { iterations: number; settings: ReturnType<typeof forceAtlas2.inferSettings> } {
  const order = graph.order;
  const settings = forceAtlas2.inferSettings(graph);
  return {
    iterations: warm ? 80 : order > 1000 ? 150 : 300,
    settings: { ...settings, gravity: 1, barnesHutOptimize: order > 600, linLogMode: false, adjustSizes: false },
  };
}

/**
 * The explorer's first layout of a graph whose nodes carry a `category`: seeded starts, then
 * ForceAtlas2 (synchronous, deterministic: the same graph in the same order gives the same positions).
 */
export function layoutPositions(graph: Graph): Map<string, Point> {
  const groups = [...new Set(graph.mapNodes((_id, a) => String(a.category)))].sort();
  graph.forEachNode((id, a) => graph.mergeNodeAttributes(id, startPosition(id, String(a.category), groups)));
  if (graph.order > 1) forceAtlas2.assign(graph, forceAtlas2Options(graph, false));
  return new Map(graph.mapNodes((id, a) => [id, { x: Number(a.x), y: Number(a.y) }] as const));
}

/** Node size in screen pixels from a score (square root: area follows the score), relative to the largest score. */
export function nodeSize(score: number | null | undefined, maxScore: number, order: number): number {
  const minSize = order > 150 ? 2.5 : 4.5;
  const maxSize = order > 150 ? 14 : 21;
  const k = maxScore > 0 && score != null ? Math.sqrt(Math.max(score, 0) / maxScore) : 0;
  return minSize + k * (maxSize - minSize);
}
