import type { Tx } from '../db/database';
import { ACTOR } from '../actors/actor.model';
import { BOND } from '../bonds/bond.model';
import { PARTICIPATION } from '../participations/participation.model';
import { FUNDING } from '../funding/funding.model';
import { INDICATOR_VALUE } from '../funding/indicator-value.model';

export type ChangeOp = 'CREATE' | 'UPDATE' | 'DELETE';
export type ChangeEntity = 'Actor' | 'Bond' | 'Participation' | 'Funding' | 'IndicatorValue';

export interface ChangeEvent {
  entity: ChangeEntity;
  entityId: string;
  op: ChangeOp;
  source: string | null;
  externalId: string | null;
  version: number | null;
  /** JSON of the record after the change (none for deletes); never personal data. */
  payload: string | null;
}

/** Fields never copied into the change feed (GDPR: personal data stays on the record only), from the entities' tables. */
const PERSONAL: Record<ChangeEntity, ReadonlySet<string>> = { Actor: ACTOR.personal, Bond: BOND.personal, Participation: PARTICIPATION.personal, Funding: FUNDING.personal, IndicatorValue: INDICATOR_VALUE.personal };

/** The feed payload of a record: its public fields as JSON. */
export function payloadOf(entity: ChangeEntity, record: Record<string, unknown>): string {
  const out: Record<string, unknown> = {};
  const personal = PERSONAL[entity];
  for (const [k, v] of Object.entries(record)) {
    if (personal.has(k) || k.startsWith('_')) continue;
    out[k] = v instanceof Date ? v.toISOString() : v;
  }
  return JSON.stringify(out);
}

export function eventFor(entity: ChangeEntity, op: ChangeOp, record: Record<string, any>): ChangeEvent {
  return {
    entity,
    entityId: record.id,
    op,
    source: record.source ?? null,
    externalId: record.externalId ?? null,
    version: record.version ?? null,
    payload: op === 'DELETE' ? null : payloadOf(entity, record),
  };
}

/** Appends events to the feed in this transaction; call it last in every write. */
export async function recordChanges(tx: Tx, events: ChangeEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.run('changes/append', { sequence: tx.sequence, events });
}
