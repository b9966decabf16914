/**
 * The shape of the demo graph as plain data, produced by `buildDemoGraph()` and written to Neo4j
 * by the seed loader. Ids are the API's opaque ids (deterministic for the demo data so that they
 * stay stable across re-seeds). Dates are ISO `YYYY-MM-DD` strings.
 */
import type { ActorKind as ActorKindEnum, BondKind as BondKindEnum, ParticipationRole as ParticipationRoleEnum, Sector as SectorEnum } from '../common/enums';
import type { ActorValues } from '../actors/actor.model';
import type { BondValues } from '../bonds/bond.model';
import type { ParticipationValues } from '../participations/participation.model';
import type { FundingValues } from '../funding/funding.model';
import type { IndicatorValueValues } from '../funding/indicator-value.model';

// The enums as their string values, so that the demo data is written as plain literals.
export type ActorKind = `${ActorKindEnum}`;
export type Sector = `${SectorEnum}`;
export type BondKind = `${BondKindEnum}`;
export type ParticipationRole = `${ParticipationRoleEnum}`;

/** A demo actor: the table's fields (actor.model.ts) the seed sets; 'act_' + 20 hex chars ids, 'tesr' or 'demo' sources. */
export type DemoActor = Pick<ActorValues, 'id' | 'name' | 'description' | 'territory' | 'tags' | 'source' | 'externalId'> & { kind: ActorKind; sector: Sector };
/** A demo bond (bond.model.ts); `from`/`to` are actor ids, dates `YYYY-MM-DD`. */
export type DemoBond = Pick<BondValues, 'id' | 'weight' | 'since' | 'until' | 'description' | 'source' | 'externalId'> & { kind: BondKind; from: string; to: string };
export interface DemoOperation {
  id: string; // 'op_' + ...
  code: string; // e.g. 'FOOD_GOVERNANCE'
  name: string; // French name, exactly as in the seed
  description: string;
  commons: string[]; // common codes
}
/** A demo participation (participation.model.ts); `actor`/`operation` are ids. */
export type DemoParticipation = Pick<ParticipationValues, 'id' | 'since' | 'until'> & { role: ParticipationRole; actor: string; operation: string };
export interface DemoCommon {
  id: string; // 'com_' + ...
  code: string; // WATER, AIR, FOOD, ...
  name: string; // French name
  nameEn: string;
  description: string;
  stewards: string[]; // actor ids
}
export interface DemoIndicator {
  id: string; // 'ind_' + ...
  operation: string; // operation id
  name: string;
  unit: string;
  value: number | null;
  target: number | null;
  date: string | null;
}
/** A demo funding (funding.model.ts); `funder` is an actor id, `operation` an operation id. */
export type DemoFunding = Pick<FundingValues, 'id' | 'amount' | 'year' | 'confidential' | 'description' | 'tags' | 'source' | 'externalId'> & { funder: string; operation: string };
/** One point of a demo indicator's series (indicator-value.model.ts); `indicator` is an indicator id. */
export type DemoIndicatorValue = Pick<IndicatorValueValues, 'id' | 'date' | 'value' | 'target' | 'tags'> & { indicator: string };
export interface DemoEvent {
  id: string; // 'evt_' + ...
  name: string; // e.g. '4es assises de la TESR'
  date: string;
  location: string | null;
  attendees: string[]; // actor ids
}
export interface DemoGraph {
  actors: DemoActor[];
  bonds: DemoBond[];
  operations: DemoOperation[];
  participations: DemoParticipation[];
  commons: DemoCommon[];
  indicators: DemoIndicator[];
  events: DemoEvent[];
  fundings: DemoFunding[];
  indicatorValues: DemoIndicatorValue[];
}
