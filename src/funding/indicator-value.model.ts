import { defineEntity, type ValuesOf } from '../model/entity';
import { day, endField, idField, instantField, number, tags, versionField } from '../model/field';

/** Bound of an indicator's value or target (far above any count a program measures). */
export const MAX_MEASURE = 1e12;

/**
 * One point of an indicator's series, declared once: the value measured on a date and the target
 * in force then (when it differs from the indicator's own). Stored as an `IndicatorValue` node
 * under its indicator (`HAS_VALUE`), one per (indicator, date).
 */
export const INDICATOR_VALUE = defineEntity('IndicatorValue', {
  id: idField(),
  indicatorId: endField('Id of the indicator measured.', 'startNode'),
  date: day({ description: 'Date of the measure (one value per indicator and date).', aliases: ['date'], headerFr: 'date' }),
  value: number({ description: 'Value measured on `date`, in the indicator\'s unit.', required: true, min: -MAX_MEASURE, max: MAX_MEASURE, aliases: ['valeur'], headerFr: 'valeur' }),
  target: number({ description: "Target in force on `date`, in the indicator's unit; null: the indicator's own target.", min: -MAX_MEASURE, max: MAX_MEASURE, aliases: ['cible', 'objectif'], headerFr: 'cible' }),
  tags: tags({ description: 'Free labels, e.g. `fictional` on the demo data.', aliases: ['étiquettes'], headerFr: 'étiquettes' }),
  version: versionField(),
  createdAt: instantField('When the value was recorded.'),
  updatedAt: instantField('When the value last changed.'),
}, [(v) => (v.date == null ? { field: 'date', message: 'is required' } : null)]);

export type IndicatorValueValues = ValuesOf<typeof INDICATOR_VALUE.fields>;
