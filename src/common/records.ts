import type { OperationRecord } from '../operations/operation.type';
import type { CommonRecord } from '../commons/common.type';
import type { IndicatorRecord } from '../operations/indicator.type';
import type { EventRecord } from '../events/event.type';

/** Row → record mappers for the smaller entities (actors, bonds and participations are built from their tables: see src/model/entity.ts). */
export const toOperation = (r: any): OperationRecord => ({ id: r.id, code: r.code, name: r.name, description: r.description ?? null });
export const toCommon = (r: any): CommonRecord => ({ id: r.id, code: r.code, name: r.name, nameEn: r.nameEn ?? null, description: r.description ?? null });
export const toIndicator = (r: any): IndicatorRecord => ({
  id: r.id,
  name: r.name,
  unit: r.unit ?? null,
  value: r.value ?? null,
  target: r.target ?? null,
  date: r.date ?? null,
  operationId: r.operation,
});
export const toEvent = (r: any): EventRecord => ({ id: r.id, name: r.name, date: r.date, location: r.location ?? null });
