/**
 * The network drawing: graphology graph + ForceAtlas2 layout (a fixed number of synchronous
 * iterations from seeded positions: the same data gives the same picture) + sigma.js v4 (WebGL).
 * Layouts are kept per scope, so moving the date slider adds and removes bonds without shuffling
 * the actors around.
 */
import Graph from 'graphology';
import { forceAtlas2Options, nodeSize, startPosition, type Point } from '../src/common/drawing';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import Sigma from 'sigma';
import type { Category } from './colors';
import { placeLabels, type LabelBox, type LabelCandidate } from './labels';

export interface DrawNode {
  id: string;
  label: string;
  color: string;
  category: string;
  /** Centrality score (any scale); null when unknown. */
  score: number | null;
}

export interface DrawEdge {
  id: string;
  source: string;
  target: string;
}

export interface DrawInput {
  /** Layouts are remembered under this key (the scope without its date). */
  layoutKey: string;
  nodes: DrawNode[];
  edges: DrawEdge[];
}

interface NodeAttrs {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  category: string;
  forceLabel: boolean;
  [key: string]: unknown;
}

/**
 * Node size from the score, and forced labels on the biggest nodes so that the main actors stay
 * named whatever the zoom (the label pass still drops one that would overlap a more important one).
 */
function applyScores(graph: Graph<NodeAttrs>, scores: Map<string, number | null>): number {
  const n = graph.order;
  const max = Math.max(0, ...[...scores.values()].map((v) => v ?? 0));
  graph.forEachNode((id) => graph.mergeNodeAttributes(id, { size: nodeSize(scores.get(id), max, n), forceLabel: false }));
  const ranked = graph
    .filterNodes((id) => (scores.get(id) ?? 0) > 0)
    .sort((a, b) => (scores.get(b) ?? 0) - (scores.get(a) ?? 0) || a.localeCompare(b));
  for (const id of ranked.slice(0, 6)) graph.setNodeAttribute(id, 'forceLabel', true);
  return max;
}

const WHOLE = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
/** Labels are drawn in this font by sigma; the label pass measures with it. */
const LABEL_FONT = 'sans-serif';

/** What the SVG export draws: positions in the whole-network frame. */
export interface PictureNode {
  id: string;
  x: number;
  y: number;
  r: number;
  color: string;
  label: string;
  category: string;
}

export class GraphView {
  private sigma: Sigma | null = null;
  private graph = new Graph<NodeAttrs>({ multi: true, type: 'undirected', allowSelfLoops: true });
  private readonly layouts = new Map<string, Map<string, Point>>();
  private selected: string | null = null;
  private currentLayoutKey = '';
  private maxScore = 0;
  private path: string[] = [];
  private labels: LabelBox[] = [];
  private labelsOn = new Set<string>();
  private labelTimer = 0;
  private measure: CanvasRenderingContext2D | null = null;

  /** Called when the user clicks an actor (its id) or the background (null). */
  onSelect: (id: string | null) => void = () => {};

  constructor(private readonly container: HTMLElement) {}

  get nodeCount(): number {
    return this.graph.order;
  }

  get edgeCount(): number {
    return this.graph.size;
  }

  has(id: string): boolean {
    return this.graph.hasNode(id);
  }

  degree(id: string): number {
    return this.graph.hasNode(id) ? this.graph.degree(id) : 0;
  }

  /** Where a node is drawn, in pixels from the graph container's top left (null when absent). */
  viewportPosition(id: string): { x: number; y: number } | null {
    if (!this.sigma || !this.graph.hasNode(id)) return null;
    const a = this.graph.getNodeAttributes(id);
    return this.sigma.graphToViewport({ x: a.x, y: a.y });
  }

  /** Names of the nodes whose label is drawn now (for tests and the PNG legend). */
  displayedLabels(): string[] {
    if (!this.sigma) return [];
    return [...this.sigma.getNodeDisplayedLabels()].map((id) => this.graph.getNodeAttribute(id, 'label'));
  }

  /** Boxes (viewport pixels) of the labels the overlap pass kept and sigma draws. */
  labelBoxes(): LabelBox[] {
    const drawn = this.sigma ? this.sigma.getNodeDisplayedLabels() : new Set<string>();
    return this.labels.filter((b) => drawn.has(b.id));
  }

  categoryOf(id: string): string | null {
    return this.graph.hasNode(id) ? this.graph.getNodeAttribute(id, 'category') : null;
  }

  /** The radius an actor is drawn with at the whole-network zoom, in pixels. */
  radiusAtWholeView(id: string): number | null {
    if (!this.sigma || !this.graph.hasNode(id)) return null;
    return this.sigma.scaleSize(this.graph.getNodeAttribute(id, 'size'), 1);
  }

  /** The largest score of the drawing (the size legend's top). */
  get largestScore(): number {
    return this.maxScore;
  }

  private ensureSigma(): Sigma {
    if (this.sigma) return this.sigma;
    const sigma = new Sigma(this.graph as unknown as Graph, this.container, {
      settings: {
        // Sizes in screen pixels (sigma 4 defaults to graph units, which makes small scopes giant).
        itemSizesReference: 'screen',
        labelRenderedSizeThreshold: 9,
        labelDensity: 0.5,
        labelGridCellSize: 160,
        hideEdgesOnMove: false,
        stagePadding: 24,
        minCameraRatio: 0.05,
        maxCameraRatio: 4,
        gestureTarget: 'graph',
        // The network view may be hidden (transversality tab) while a new scope loads.
        allowInvalidContainer: true,
      },
      styles: {
        nodes: {
          x: { attribute: 'x' },
          y: { attribute: 'y' },
          size: (a, s) => (s.isHovered || a.selected ? Number(a.size) * 1.25 + 2 : Number(a.size)),
          color: (a, s, g) => (g.hasHighlighted && !s.isHighlighted ? '#dcdfe4' : String(a.color)),
          label: { attribute: 'label' },
          labelSize: (a) => (a.forceLabel || a.selected ? 13 : 11),
          labelColor: (_a, s, g) => (g.hasHighlighted && !s.isHighlighted ? '#a0a4ab' : '#1d232b'),
          // The label pass (placeLabels) decides; sigma's own grid would let forced labels overlap.
          labelVisibility: (_a, s) => ((s as { labelOn?: boolean }).labelOn ? 'visible' : 'hidden'),
          depth: (a, s) => (s.isHovered || s.isHighlighted || a.selected ? 'topNodes' : 'nodes'),
          backdropVisibility: (a, s) => (s.isHovered || a.selected ? 'visible' : 'hidden'),
          backdropColor: '#ffffff',
          backdropShadowColor: 'rgba(0, 0, 0, 0.35)',
          backdropShadowBlur: 10,
          backdropPadding: 5,
          cursor: 'pointer',
        },
        edges: {
          size: (_a, s) => (s.isHighlighted ? 1.6 : 0.7),
          color: (_a, s, g) => (s.isHighlighted ? '#5b6472' : g.hasHighlighted ? '#eceef1' : '#c6cbd3'),
          depth: (_a, s) => (s.isHighlighted ? 'topEdges' : 'edges'),
        },
        stage: { background: '#ffffff' },
      },
    });
    sigma.on('clickNode', ({ node }) => this.onSelect(node));
    sigma.on('clickStage', () => this.onSelect(null));
    sigma.on('enterNode', () => this.scheduleLabels());
    sigma.on('leaveNode', () => this.scheduleLabels());
    sigma.getCamera().on('updated', () => this.scheduleLabels());
    this.sigma = sigma;
    return sigma;
  }

  /** Creates the renderer (WebGL context, shaders) ahead of the first drawing. */
  prepare(): void {
    this.ensureSigma();
  }

  /** Builds the graph, lays it out and renders it; returns the layout and first-frame times in ms. */
  draw(input: DrawInput): { layoutMs: number; renderMs: number } {
    const t0 = performance.now();
    const graph = new Graph<NodeAttrs>({ multi: true, type: 'undirected', allowSelfLoops: true });
    for (const node of input.nodes) {
      graph.addNode(node.id, { x: 0, y: 0, size: 4, color: node.color, label: node.label, category: node.category, forceLabel: false });
    }
    for (const e of input.edges) {
      if (graph.hasNode(e.source) && graph.hasNode(e.target)) graph.addUndirectedEdgeWithKey(e.id, e.source, e.target);
    }
    this.maxScore = applyScores(graph, new Map(input.nodes.map((n) => [n.id, n.score])));
    this.layout(graph, input.layoutKey, input.nodes);
    const layoutMs = performance.now() - t0;

    const t1 = performance.now();
    const sigma = this.ensureSigma();
    const scopeChanged = input.layoutKey !== this.currentLayoutKey;
    this.currentLayoutKey = input.layoutKey;
    this.graph = graph;
    this.path = this.path.filter((id) => graph.hasNode(id));
    sigma.setGraph(graph as unknown as Graph);
    // sigma keeps node states by key across graphs: no label is on until the pass says so.
    this.labelsOn = new Set();
    sigma.setNodesState(graph.nodes(), { labelOn: false } as never);
    if (scopeChanged) sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    const keep = this.selected && graph.hasNode(this.selected) ? this.selected : null;
    this.selected = null;
    this.select(keep, false); // renders
    return { layoutMs, renderMs: performance.now() - t1 };
  }

  /** Seeded start (by colour group, on a circle), then ForceAtlas2; reuses the scope's previous layout. */
  private layout(graph: Graph<NodeAttrs>, key: string, nodes: DrawNode[]): void {
    const known = this.layouts.get(key) ?? new Map<string, Point>();
    const groups = [...new Set(nodes.map((n) => n.category))].sort();
    let reused = 0;
    graph.forEachNode((id, attrs) => {
      const prev = known.get(id);
      if (prev) {
        graph.mergeNodeAttributes(id, { x: prev.x, y: prev.y });
        reused++;
        return;
      }
      graph.mergeNodeAttributes(id, startPosition(id, attrs.category, groups));
    });
    const order = graph.order;
    if (order > 1) forceAtlas2.assign(graph as unknown as Graph, forceAtlas2Options(graph as unknown as Graph, reused >= order * 0.7));
    const saved = new Map(known);
    graph.forEachNode((id, a) => saved.set(id, { x: a.x, y: a.y }));
    this.layouts.set(key, saved);
  }

  /** Changes node sizes in place (another centrality) without a new layout. */
  rescore(scores: Map<string, number | null>): void {
    this.maxScore = applyScores(this.graph, scores);
    this.sigma?.refresh();
    this.placeLabelsNow();
  }

  /** Changes node colours in place (legend toggle) without a new layout. */
  recolor(colorOf: (id: string) => { color: string; category: string }): void {
    this.graph.forEachNode((id) => this.graph.mergeNodeAttributes(id, colorOf(id)));
    this.sigma?.refresh();
  }

  /** Highlights an actor and its neighbours (null clears), optionally moving the camera to it. */
  select(id: string | null, focus = true): void {
    const sigma = this.sigma;
    if (!sigma) return;
    const graph = this.graph;
    if (this.selected && graph.hasNode(this.selected)) graph.setNodeAttribute(this.selected, 'selected', false);
    sigma.setNodesState(graph.nodes(), { isHighlighted: false });
    sigma.setEdgesState(graph.edges(), { isHighlighted: false });
    this.selected = id && graph.hasNode(id) ? id : null;
    if (this.path.length) {
      sigma.setNodesState(this.path, { isHighlighted: true });
      sigma.setEdgesState(this.pathEdges(), { isHighlighted: true });
    } else if (this.selected) {
      const sel = this.selected;
      sigma.setNodesState([sel, ...graph.neighbors(sel)], { isHighlighted: true });
      sigma.setEdgesState(graph.edges(sel), { isHighlighted: true });
    }
    if (this.selected) {
      const sel = this.selected;
      graph.setNodeAttribute(sel, 'selected', true);
      if (focus) {
        const d = sigma.getNodeDisplayData(sel);
        const camera = sigma.getCamera();
        if (d) camera.animate({ x: d.x, y: d.y, ratio: Math.min(camera.getState().ratio, 0.7) }, { duration: 350 });
      }
    }
    sigma.refresh();
    this.placeLabelsNow();
  }

  /** Shows a chain of actors (a shortest path) highlighted, with its bonds; empty clears. */
  showPath(ids: string[]): void {
    this.path = ids.filter((id) => this.graph.hasNode(id));
    this.select(this.selected, false);
  }

  /** The drawn bonds between consecutive actors of the path. */
  pathEdges(): string[] {
    const out: string[] = [];
    for (let i = 1; i < this.path.length; i++) {
      const e = this.graph.edges(this.path[i - 1]!, this.path[i]!)[0];
      if (e) out.push(e);
    }
    return out;
  }

  private scheduleLabels(): void {
    if (this.labelTimer) return;
    this.labelTimer = requestAnimationFrame(() => {
      this.labelTimer = 0;
      this.placeLabelsNow();
    });
  }

  /**
   * Chooses the labels to draw in the current view (see labels.ts) and tells sigma, through the
   * `labelOn` node state, only when the choice changed.
   */
  private placeLabelsNow(cameraState?: typeof WHOLE): void {
    const sigma = this.sigma;
    if (!sigma) return;
    const { width, height } = sigma.getDimensions();
    if (!width || !height) return;
    const ctx = (this.measure ??= document.createElement('canvas').getContext('2d'));
    const ratio = (cameraState ?? sigma.getCamera().getState()).ratio;
    const hovered = new Set(this.graph.filterNodes((id) => !!(sigma.getNodeState(id) as { isHovered?: boolean }).isHovered));
    const highlighted = this.path.length > 0 || !!this.selected;
    const candidates: LabelCandidate[] = [];
    const discs: LabelBox[] = [];
    this.graph.forEachNode((id, a) => {
      const state = sigma.getNodeState(id) as { isHighlighted?: boolean };
      const radius = sigma.scaleSize(a.selected ? a.size * 1.25 + 2 : a.size, ratio);
      const p = sigma.graphToViewport({ x: a.x, y: a.y }, cameraState ? { cameraState } : undefined);
      // Text does not run over the bigger discs (small ones would leave no room for any label).
      if (radius >= 5) discs.push({ id, x: p.x - radius, y: p.y - radius, w: 2 * radius, h: 2 * radius });
      if (highlighted && !state.isHighlighted && !hovered.has(id)) return;
      const important = hovered.has(id) || !!a.selected;
      if (!important && !a.forceLabel && radius < 4.5 && !state.isHighlighted) return;
      const fontSize = a.forceLabel || a.selected ? 13 : 11;
      let w = a.label.length * fontSize * 0.6;
      if (ctx) {
        ctx.font = `${fontSize}px ${LABEL_FONT}`;
        w = ctx.measureText(a.label).width;
      }
      candidates.push({ id, x: p.x, y: p.y, radius, width: w * 1.06 + 2, height: fontSize * 1.25, priority: (important ? 1e6 : 0) + (state.isHighlighted ? 1e4 : 0) + (a.forceLabel ? 1e3 : 0) + radius, overDiscs: important || a.forceLabel || (highlighted && !!state.isHighlighted) });
    });
    // On screen, labels also keep clear of the panels over the graph (status, legend, zoom); not in exports.
    if (!cameraState) {
      const origin = this.container.getBoundingClientRect();
      for (const el of Array.from(this.container.parentElement?.querySelectorAll<HTMLElement>('[data-overlay]') ?? [])) {
        if (el.hidden) continue;
        for (const child of Array.from(el.children)) {
          const r = child.getBoundingClientRect();
          if (r.width && r.height && child.textContent?.trim()) discs.push({ id: '', x: r.left - origin.left, y: r.top - origin.top, w: r.width, h: r.height });
        }
      }
    }
    this.labels = placeLabels(candidates, { width, height }, 80, discs);
    const next = new Set(this.labels.map((b) => b.id));
    const changed = [...next].filter((id) => !this.labelsOn.has(id));
    const gone = [...this.labelsOn].filter((id) => !next.has(id) && this.graph.hasNode(id));
    if (!changed.length && !gone.length) return;
    this.labelsOn = next;
    if (changed.length) sigma.setNodesState(changed, { labelOn: true } as never);
    if (gone.length) sigma.setNodesState(gone, { labelOn: false } as never);
    sigma.refresh();
  }

  /** Camera: zoom in (factor < 1), out (> 1), or back to the whole graph (null). */
  zoom(factor: number | null): void {
    const camera = this.sigma?.getCamera();
    if (!camera) return;
    if (factor == null) void camera.reset({ duration: 250 });
    else if (factor < 1) void camera.zoomIn({ duration: 200, factor: 1 / factor });
    else void camera.zoomOut({ duration: 200, factor });
  }

  resize(): void {
    this.sigma?.resize(true);
    this.sigma?.refresh();
  }

  /**
   * Runs `paint` with the camera on the whole network (labels chosen for that view), then puts the
   * camera and labels back: exports show the whole network whatever the zoom.
   */
  private withWholeView<T>(paint: (sigma: Sigma) => T): T {
    const sigma = this.ensureSigma();
    const camera = sigma.getCamera();
    const saved = camera.getState();
    camera.setState(WHOLE);
    this.placeLabelsNow(WHOLE);
    sigma.refresh();
    try {
      return paint(sigma);
    } finally {
      camera.setState(saved);
      this.placeLabelsNow();
      sigma.refresh();
    }
  }

  /** The nodes as drawn on the whole-network view, in its viewport pixels (for the SVG export). */
  picture(): { width: number; height: number; nodes: PictureNode[]; edges: [string, string, boolean][]; labels: LabelBox[] } {
    return this.withWholeView((sigma) => {
      const { width, height } = sigma.getDimensions();
      // As on screen: with a selection or a path, the rest is greyed.
      const dim = this.path.length > 0 || !!this.selected;
      const lit = (id: string) => !!(sigma.getNodeState(id) as { isHighlighted?: boolean }).isHighlighted;
      const nodes = this.graph.mapNodes((id, a) => {
        const p = sigma.graphToViewport({ x: a.x, y: a.y }, { cameraState: WHOLE });
        return { id, x: p.x, y: p.y, r: sigma.scaleSize(a.size, 1), color: dim && !lit(id) ? '#dcdfe4' : a.color, label: a.label, category: a.category };
      });
      const edges = this.graph.mapEdges((e, _a, source, target) => [source, target, !!(sigma.getEdgeState(e) as { isHighlighted?: boolean }).isHighlighted] as [string, string, boolean]);
      return { width, height, nodes, edges, labels: [...this.labels] };
    });
  }

  /**
   * The whole network as a PNG data URL: sigma's canvas layers composited onto one canvas (rendered
   * in the same task, so the WebGL buffer is still there), under a title, with the legend. Also
   * returns how many nodes fall inside the picture (all of them, whatever the zoom).
   */
  toPng(title: string, subtitle: string, legend: Category[]): { url: string; nodesInside: number } {
    return this.withWholeView((sigma) => {
      const { width, height } = sigma.getDimensions();
      let nodesInside = 0;
      this.graph.forEachNode((_id, a) => {
        const p = sigma.graphToViewport({ x: a.x, y: a.y });
        if (p.x >= 0 && p.x <= width && p.y >= 0 && p.y <= height) nodesInside++;
      });
      const ratio = window.devicePixelRatio || 1;
      const header = 56;
      const out = document.createElement('canvas');
      out.width = Math.round(width * ratio);
      out.height = Math.round((height + header) * ratio);
      const ctx = out.getContext('2d')!;
      ctx.scale(ratio, ratio);
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, width, height + header);
      for (const canvas of Array.from(this.container.querySelectorAll('canvas'))) {
        if (canvas.width && canvas.height) ctx.drawImage(canvas, 0, header, width, height);
      }
      ctx.fillStyle = '#1d232b';
      ctx.font = '600 18px system-ui, sans-serif';
      ctx.fillText(title, 16, 26);
      ctx.font = '13px system-ui, sans-serif';
      ctx.fillStyle = '#59616d';
      ctx.fillText(subtitle, 16, 46);
      // Legend, bottom left.
      const present = new Set(this.graph.mapNodes((_id, a) => a.category));
      const items = legend.filter((c) => present.has(c.key));
      const lh = 18;
      const boxH = items.length * lh + 14;
      let y = header + height - boxH - 10;
      ctx.fillStyle = 'rgba(255,255,255,0.9)';
      ctx.fillRect(8, y, 230, boxH);
      y += 6;
      ctx.font = '12px system-ui, sans-serif';
      for (const c of items) {
        ctx.fillStyle = c.color;
        ctx.beginPath();
        ctx.arc(20, y + lh / 2, 5, 0, 2 * Math.PI);
        ctx.fill();
        ctx.fillStyle = '#1d232b';
        ctx.fillText(c.label, 32, y + lh / 2 + 4);
        y += lh;
      }
      return { url: out.toDataURL('image/png'), nodesInside };
    });
  }
}
