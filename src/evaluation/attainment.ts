/** One point of a results series. */
export interface SeriesPoint {
  date: string | null;
  value: number | null;
  target: number | null;
}

/** An indicator as the attainment reads it: its own target, and its own value for indicators without a series. */
export interface IndicatorLike {
  target: number | null;
  value: number | null;
  date: string | null;
}

export interface Attained {
  value: number;
  target: number | null;
  date: string | null;
  /** value / target; null when there is no target or it is 0. */
  attainment: number | null;
}

/** `YYYY-MM-DD` of a Date or day string (null stays null). */
export const dayOf = (d: Date | string | null | undefined): string | null => (d == null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/**
 * Attainment of an indicator on a date: the latest value of its series on or before `asOf` (no
 * `asOf`: the latest), over the target in force then (the value's own, else the indicator's).
 * An indicator without a series reads its own value and date. Null when there is no value.
 */
export function attainmentOn(indicator: IndicatorLike, series: readonly SeriesPoint[], asOf: Date | string | null): Attained | null {
  const day = dayOf(asOf);
  const points = series.length ? series : [{ date: indicator.date, value: indicator.value, target: null }];
  let last: SeriesPoint | null = null;
  for (const p of points) {
    if (p.value == null || (day != null && (p.date == null || p.date > day))) continue;
    if (!last || (p.date ?? '') >= (last.date ?? '')) last = p;
  }
  if (!last || last.value == null) return null;
  const target = last.target ?? indicator.target;
  return { value: last.value, target, date: last.date, attainment: target ? last.value / target : null };
}

/** Mean of the defined values; null when none. */
export function meanOf(values: readonly (number | null)[]): number | null {
  const xs = values.filter((v): v is number => v != null && Number.isFinite(v));
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}
