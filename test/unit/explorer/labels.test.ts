import { intersects, labelBox, placeLabels, type LabelCandidate } from '../../../explorer/labels';

const at = (id: string, x: number, y: number, priority: number, width = 60): LabelCandidate => ({ id, x, y, radius: 5, width, height: 12, priority });
const viewport = { width: 800, height: 600 };

describe('explorer label placement', () => {
  it('keeps the more important of two labels that would overlap', () => {
    const kept = placeLabels([at('small', 102, 101, 1), at('big', 100, 100, 9)], viewport);
    expect(kept.map((b) => b.id)).toEqual(['big']);
  });

  it('keeps labels that do not meet, and none of the kept boxes intersect', () => {
    const grid: LabelCandidate[] = [];
    for (let i = 0; i < 40; i++) for (let j = 0; j < 40; j++) grid.push(at(`n${i}-${j}`, i * 20, j * 15, (i * 7 + j * 13) % 17));
    const kept = placeLabels(grid, viewport, 1000);
    expect(kept.length).toBeGreaterThan(50);
    for (let a = 0; a < kept.length; a++) for (let b = a + 1; b < kept.length; b++) expect(intersects(kept[a]!, kept[b]!)).toBe(false);
  });

  it('places the text right of the node, past its radius, and skips labels outside the viewport', () => {
    expect(labelBox(at('a', 100, 100, 1))).toMatchObject({ x: 100 + 5 + 5 - 2, w: 64 });
    expect(placeLabels([at('out', 900, 100, 1), at('in', 10, 10, 1)], viewport).map((b) => b.id)).toEqual(['in']);
  });

  it('stops at the maximum', () => {
    const far = Array.from({ length: 30 }, (_, i) => at(`f${i}`, 10, i * 20, i));
    expect(placeLabels(far, viewport, 5)).toHaveLength(5);
  });
});

describe('explorer label placement around node discs', () => {
  it('keeps a label off another node’s disc, not off its own', () => {
    const disc = (id: string, x: number, y: number, r: number) => ({ id, x: x - r, y: y - r, w: 2 * r, h: 2 * r });
    const label = at('a', 100, 100, 1);
    expect(placeLabels([label], viewport, 10, [disc('a', 100, 100, 5)]).map((b) => b.id)).toEqual(['a']);
    expect(placeLabels([label], viewport, 10, [disc('b', 140, 100, 8)])).toEqual([]);
  });
});

describe('explorer label placement: the main actors', () => {
  it('names a main actor even beside another disc', () => {
    const main = { ...at('hub', 100, 100, 1000), overDiscs: true };
    expect(placeLabels([main], viewport, 10, [{ id: 'b', x: 120, y: 92, w: 16, h: 16 }]).map((b) => b.id)).toEqual(['hub']);
  });
});
