/** Colours of the sectors and of the council's departments (colour-blind-aware categorical sets). */
import { t } from './i18n';
import type { ColorBy } from './state';
import type { Reference } from './data';

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

/** The categories of a colouring, in legend order. */
export function categories(colorBy: ColorBy, ref: Reference | null): Category[] {
  if (colorBy === 'sector') return Object.entries(SECTOR_COLORS).map(([key, color]) => ({ key, label: t(`sector.${key}`), color }));
  const depts = (ref?.departments ?? []).map((d, i) => ({ key: d.id, label: shortDepartment(d.name), color: DEPARTMENT_PALETTE[i % DEPARTMENT_PALETTE.length]! }));
  return [...depts, { key: 'external', label: t('legend.external'), color: EXTERNAL_COLOR }];
}

/** The category key of an actor under a colouring. */
export function categoryOf(colorBy: ColorBy, actor: { id: string; sector: string }, ref: Reference | null): string {
  if (colorBy === 'sector') return actor.sector;
  return ref?.departmentOf.get(actor.id) ?? 'external';
}
