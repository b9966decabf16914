import { Field, Int, ObjectType } from 'type-graphql';
import type { Actor } from '../actors/actor.type';
import { Node } from '../node/node.type';
import { Connection } from '../common/pagination';
import { declareFields, recordBuilder } from '../model/entity';
import { BOND, BOND_CARD_FIELDS, type BondValues } from './bond.model';
import { cardRecords } from '../model/card';

@ObjectType({ simpleResolvers: true, implements: Node, description: 'A typed tie between two actors, with its own id, dates and provenance.' })
export class Bond extends Node {}
// Fields from the table (bond.model.ts); `from`/`to` are resolved from fromId/toId by the resolver.
export interface Bond extends BondValues {}
declareFields(Bond, BOND, 'output', ['id', 'fromId', 'toId']);

/** A bond as services hand it to resolvers: endpoints are ids, resolved through the actor loader. */
export interface BondRecord extends Bond {
  /** The other end as an actor card, when the page's query read only cards (see actorOrCardFromValues). */
  endCard?: Actor;
}

const builder = recordBuilder<BondRecord>(BOND, BOND.names, Bond.prototype);
/** A bond from the values of `{{BOND b}}` (every field, in the table's order). */
export const bondFromValues = (v: readonly unknown[]): BondRecord => builder.fromValues(v);
const card = cardRecords<BondRecord>(BOND, BOND_CARD_FIELDS, Bond.prototype, [], 'bond');
/** A bond card from `{{BOND b}}` values read with `BOND: 'CARD'`; other fields from the full record (src/model/card.ts). */
export const bondCardFromValues = (v: readonly unknown[]): BondRecord => card.fromValues(v);

/** A bond from a map of its properties with its ends as `from`/`to` (`b {.*, from: f.id, to: t.id}`, the feed's shape). */
export const bondFromMap = (m: Record<string, unknown>): BondRecord => builder.fromMap({ ...m, fromId: m.from, toId: m.to });

@ObjectType({ simpleResolvers: true, description: 'A page of bonds.' })
export class BondConnection extends Connection(Bond, 'Bond') {
  @Field(() => Int, { simple: true, description: 'How many bonds match, across all pages (counted only when asked for).' })
  totalCount!: number;
}
