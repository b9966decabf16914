/** Colours of the sectors and of the council's departments (colour-blind-aware categorical sets). */
import { t } from './i18n';
import type { ColorBy } from './state';
import type { Communities, Reference } from './data';

import { EXTERNAL_COLOR, SECTOR_COLORS } from '../src/common/drawing';

export { EXTERNAL_COLOR, SECTOR_COLORS };

const DEPARTMENT_PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#393b79', '#637939', '#843c39', '#7b4173', '#3182bd'];

export interface Category {
  key: string;
  label: string;
  color: string;
}

/** Shortens "Direction de l'économie et de l'emploi" to "Économie et emploi" for labels and the matrix. */
export function shortDepartment(name: string, max = 26): string {
  const short = name
    .replace(/^Direction (de la |de l'|du |des |de )/i, '')
    .replace(/ et (de la |de l'|du |des |de )/gi, ' et ')
    .replace(/^./, (c) => c.toUpperCase());
  return short.length > max ? `${short.slice(0, max - 1).trimEnd()}…` : short;
}

/** Louvain communities beyond this many share one grey. */
export const COMMUNITY_COLOURS = 12;
const COMMUNITY_PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#1f77b4', '#8c564b', '#17becf'];

/** The categories of a colouring, in legend order. */
export function categories(colorBy: ColorBy, ref: Reference | null, communities: Communities | null = null): Category[] {
  if (colorBy === 'community') {
    const shown = Math.min(communities?.count ?? 0, COMMUNITY_COLOURS);
    const items = Array.from({ length: shown }, (_, i) => ({ key: `community:${i}`, label: t('community.label', { n: i + 1 }), color: COMMUNITY_PALETTE[i]! }));
    return [...items, { key: 'community:other', label: t('community.other'), color: EXTERNAL_COLOR }];
  }
  if (colorBy === 'sector') return Object.entries(SECTOR_COLORS).map(([key, color]) => ({ key, label: t(`sector.${key}`), color }));
  const depts = (ref?.departments ?? []).map((d, i) => ({ key: d.id, label: shortDepartment(d.name), color: DEPARTMENT_PALETTE[i % DEPARTMENT_PALETTE.length]! }));
  return [...depts, { key: 'external', label: t('legend.external'), color: EXTERNAL_COLOR }];
}

/** The category key of an actor under a colouring. */
export function categoryOf(colorBy: ColorBy, actor: { id: string; sector: string }, ref: Reference | null, communities: Communities | null = null): string {
  if (colorBy === 'community') {
    const c = communities?.of.get(actor.id);
    return c != null && c < COMMUNITY_COLOURS ? `community:${c}` : 'community:other';
  }
  if (colorBy === 'sector') return actor.sector;
  return ref?.departmentOf.get(actor.id) ?? 'external';
}
