import { randomBytes } from 'node:crypto';

/** Id prefixes by GraphQL type: ids stay opaque to clients but tell the server what they name. */
export const ID_PREFIX = {
  Actor: 'act',
  Bond: 'bnd',
  Participation: 'prt',
  Operation: 'op',
  Common: 'com',
  Indicator: 'ind',
  Funding: 'fnd',
  IndicatorValue: 'inv',
  Event: 'evt',
  Webhook: 'whk',
} as const;
export type NodeTypeName = keyof typeof ID_PREFIX;

const BY_PREFIX = new Map<string, NodeTypeName>(Object.entries(ID_PREFIX).map(([t, p]) => [p, t as NodeTypeName]));

/** A new random id for a type, e.g. `act_5f0c2a9d8e7b6a5c4d3e`. */
export function newId(type: NodeTypeName): string {
  return `${ID_PREFIX[type]}_${randomBytes(10).toString('hex')}`;
}

/** The type an id names, or null for a string that is not one of ours. */
export function typeOfId(id: string): NodeTypeName | null {
  const m = /^([a-z]+)_[0-9a-z_]{1,64}$/.exec(id);
  return m ? (BY_PREFIX.get(m[1]) ?? null) : null;
}
