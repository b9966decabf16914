import type DataLoader from 'dataloader';
import type { Executor } from './db/database';
import type { Actor } from './actors/actor.type';
import type { BondRecord } from './bonds/bond.type';
import type { ParticipationRecord } from './participations/participation.type';
import type { OperationRecord } from './operations/operation.type';
import type { CommonRecord } from './commons/common.type';
import type { IndicatorRecord } from './operations/indicator.type';
import type { Funding, IndicatorValue } from './funding/funding.type';
import type { EventRecord } from './events/event.type';
import type { ConnectionResult, PageArgs } from './common/pagination';
import type { BondDirection, BondKind, ParticipationRole } from './common/enums';

/** What loader bodies read through: the request's batching reader. */
export type Reader = Pick<Executor, 'read' | 'readAll' | 'readTx' | 'write' | 'roundTrips'>;

/** What a loader body needs: the reader, the page cap, and the request's loaders (to prime them). */
export interface LoaderDeps {
  db: Reader;
  maxPageSize: number;
  /** The page cap of member lists (an operation's participations): MAX_MEMBER_PAGE_SIZE. */
  maxMemberPageSize: number;
  loaders: Loaders;
}

/** Key of the per-request bonds-of-actor loader: the actor and the page arguments. */
export interface ActorBondsKey {
  actorId: string;
  args: { first: number | null; after: string | null; last: number | null; before: string | null; kinds: BondKind[] | null; direction: BondDirection; orderField: string; orderDirection: 'ASC' | 'DESC' };
  /** Read the other ends as actor cards: the page selects only card fields of them. */
  card: boolean;
  /** Read the bonds as cards (bond.model.ts): the page selects only their card fields. */
  bondCard: boolean;
}

export interface BondCountKey {
  actorId: string;
  kinds: BondKind[] | null;
  direction: BondDirection;
}

export interface OperationParticipationsKey {
  operationId: string;
  roles: ParticipationRole[] | null;
  asOf: Date | string | null;
  page: PageArgs;
  /** Read the participants as actor cards: the page selects only card fields of them. */
  card: boolean;
  /** Read the participations as cards (participation.model.ts): the page selects only their card fields. */
  participationCard: boolean;
}

/** Every DataLoader of a request (made on first use; see createLoaders). */
export interface Loaders {
  readonly actor: DataLoader<string, Actor | null>;
  /**
   * The actor cards a list page of this request read (never in `actor`: a card must not stand for a
   * full record). A bond's end on that page is its card: right for any field, at worst one wave slower.
   */
  readonly actorCards: Map<string, Actor>;
  readonly bond: DataLoader<string, BondRecord | null>;
  readonly bondsOfActor: DataLoader<ActorBondsKey, ConnectionResult<BondRecord>, string>;
  readonly bondCount: DataLoader<BondCountKey, number, string>;
  readonly operation: DataLoader<string, OperationRecord | null>;
  readonly operationByCode: DataLoader<string, OperationRecord | null>;
  readonly common: DataLoader<string, CommonRecord | null>;
  readonly commonByCode: DataLoader<string, CommonRecord | null>;
  readonly participation: DataLoader<string, ParticipationRecord | null>;
  readonly indicator: DataLoader<string, IndicatorRecord | null>;
  readonly event: DataLoader<string, EventRecord | null>;
  readonly participationsOfActor: DataLoader<string, ParticipationRecord[]>;
  readonly participationsOfOperation: DataLoader<OperationParticipationsKey, ConnectionResult<ParticipationRecord>, string>;
  readonly commonsOfOperation: DataLoader<string, CommonRecord[]>;
  readonly operationsOfCommon: DataLoader<string, OperationRecord[]>;
  readonly stewardsOfCommon: DataLoader<string, Actor[]>;
  readonly commonsStewardedBy: DataLoader<string, CommonRecord[]>;
  readonly indicatorsOfOperation: DataLoader<string, IndicatorRecord[]>;
  readonly funding: DataLoader<string, Funding | null>;
  readonly indicatorValue: DataLoader<string, IndicatorValue | null>;
  readonly fundingsOfOperation: DataLoader<string, Funding[]>;
  readonly valuesOfIndicator: DataLoader<string, IndicatorValue[]>;
  readonly attendeesOfEvent: DataLoader<string, Actor[]>;
  readonly eventsOfActor: DataLoader<string, EventRecord[]>;
  readonly operationLeads: DataLoader<string, { leadDepartment: string | null; projectLead: string | null }>;
  readonly roleCounts: DataLoader<string, { role: string; count: number }[]>;
}
