/**
 * Which node labels to draw so that none overlaps another: a greedy pass, most important first
 * (selected, then forced, then by drawn size), each label kept only when its box meets no box kept
 * before. Pure: the graph view feeds it viewport positions and measured text widths.
 */
export interface LabelCandidate {
  id: string;
  /** Node centre and radius, in viewport pixels. */
  x: number;
  y: number;
  radius: number;
  /** Measured text size in pixels. */
  width: number;
  height: number;
  /** Higher first. */
  priority: number;
  /** Drawn even over other nodes' discs (the main actors stay named). */
  overDiscs?: boolean;
}

export interface LabelBox {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Gap between the node's edge and its text (sigma's default label margin). */
export const LABEL_MARGIN = 5;
/** Room kept between two labels. */
const GAP = 2;

/** The box of a label drawn on the node's right, vertically centred (sigma's "right" position). */
export function labelBox(c: LabelCandidate): LabelBox {
  return { id: c.id, x: c.x + c.radius + LABEL_MARGIN - GAP, y: c.y - c.height / 2 - GAP, w: c.width + 2 * GAP, h: c.height + 2 * GAP };
}

export function intersects(a: LabelBox, b: LabelBox): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * The labels to draw, in priority order, at most `max`, only those meeting the viewport. A uniform
 * grid of buckets keeps the pass near-linear on a few thousand candidates.
 */
export function placeLabels(candidates: LabelCandidate[], viewport: { width: number; height: number }, max = 80, obstacles: LabelBox[] = []): LabelBox[] {
  const cell = 96;
  const buckets = new Map<string, LabelBox[]>();
  const keys = (b: LabelBox): string[] => {
    const out: string[] = [];
    for (let i = Math.floor(b.x / cell); i <= Math.floor((b.x + b.w) / cell); i++) for (let j = Math.floor(b.y / cell); j <= Math.floor((b.y + b.h) / cell); j++) out.push(`${i}:${j}`);
    return out;
  };
  const kept: LabelBox[] = [];
  // Node discs a label must not cover (its own node aside): boxes carrying the node's id.
  const blocked = new Map<string, LabelBox[]>();
  for (const o of obstacles) for (const k of keys(o)) blocked.set(k, [...(blocked.get(k) ?? []), o]);
  const ordered = [...candidates].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const c of ordered) {
    if (kept.length >= max) break;
    const box = labelBox(c);
    if (box.x > viewport.width || box.y > viewport.height || box.x + box.w < 0 || box.y + box.h < 0) continue;
    const ks = keys(box);
    if (ks.some((k) => buckets.get(k)?.some((o) => intersects(o, box)))) continue;
    if (!c.overDiscs && ks.some((k) => blocked.get(k)?.some((o) => o.id !== c.id && intersects(o, box)))) continue;
    kept.push(box);
    for (const k of ks) buckets.set(k, [...(buckets.get(k) ?? []), box]);
  }
  return kept;
}
