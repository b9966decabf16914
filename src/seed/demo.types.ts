/**
 * The shape of the demo graph as plain data, produced by `buildDemoGraph()` and written to Neo4j
 * by the seed loader. Ids are the API's opaque ids (deterministic for the demo data so that they
 * stay stable across re-seeds). Dates are ISO `YYYY-MM-DD` strings.
 */
export type ActorKind = 'ORGANIZATION' | 'PERSON' | 'DEPARTMENT' | 'GOVERNANCE_BODY' | 'COLLECTIVE';
export type Sector =
  | 'ECONOMIC'
  | 'POLITICAL'
  | 'CIVIL_SOCIETY'
  | 'RESEARCH'
  | 'PUBLIC_ADMINISTRATION'
  | 'CITIZENS';
export type BondKind =
  | 'COLLABORATES_WITH'
  | 'FUNDS'
  | 'SUPPLIES'
  | 'ADVISES'
  | 'MEMBER_OF'
  | 'REPRESENTS'
  | 'CO_MANAGES'
  | 'CONTRACTS_WITH'
  | 'INFORMS';
export type ParticipationRole =
  | 'LEAD_DEPARTMENT'
  | 'PROJECT_LEAD'
  | 'PARTNER'
  | 'FUNDER'
  | 'CONTRIBUTOR'
  | 'BENEFICIARY'
  | 'EXPERT'
  | 'CITIZEN';

export interface DemoActor {
  id: string; // 'act_' + 20 lowercase hex chars
  name: string;
  kind: ActorKind;
  sector: Sector;
  description: string | null;
  territory: string | null;
  tags: string[]; // fictional ones carry 'fictional'
  source: string; // 'tesr' for the seed's named bodies and people, 'demo' for fictional ones
  externalId: string | null; // stable key within source, e.g. 'tesr:council' or 'demo:0042'
}
export interface DemoBond {
  id: string; // 'bnd_' + ...
  kind: BondKind;
  from: string; // actor id
  to: string; // actor id
  weight: number | null;
  since: string | null;
  until: string | null;
  description: string | null;
  source: string;
  externalId: string | null;
}
export interface DemoOperation {
  id: string; // 'op_' + ...
  code: string; // e.g. 'FOOD_GOVERNANCE'
  name: string; // French name, exactly as in the seed
  description: string;
  commons: string[]; // common codes
}
export interface DemoParticipation {
  id: string; // 'prt_' + ...
  actor: string; // actor id
  operation: string; // operation id
  role: ParticipationRole;
  since: string | null;
  until: string | null;
}
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
}
