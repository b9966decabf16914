import type DataLoader from 'dataloader';
import { recordBuilder } from '../model/entity';
import { onlySelects } from '../model/card';
import { ACTOR, ACTOR_CARD_FIELDS } from './actor.model';
import { Actor } from './actor.type';

/**
 * Actors as read from Neo4j, built in one place from the table's field names: full records
 * (`{{ACTOR a}}`, every field) and cards (`ACTOR: 'CARD'`, the card fields). Records are
 * instances of the GraphQL class, so type-graphql hands them to field resolvers as they are.
 */
const full = recordBuilder<Actor>(ACTOR, ACTOR.names, Actor.prototype);

/** An actor from the values of `{{ACTOR a}}` (every field, in the table's order). */
export const actorFromValues = (v: readonly unknown[]): Actor => full.fromValues(v);
/** An actor from a map of its properties (`a {.*}`). */
export const actorFromMap = (m: Record<string, unknown>): Actor => full.fromMap(m);

/** What reads the full record of an actor that a card stands for: the request's actor loader. */
export interface ActorSource {
  loaders: { actor: DataLoader<string, Actor | null> };
}

const fromFullRecord = async <K extends keyof Actor>(id: string, field: K, ctx: ActorSource): Promise<Actor[K] | null> => {
  const record = await ctx.loaders.actor.load(id);
  return record ? record[field] : null;
};

/**
 * An actor card: the card fields, and every other field resolved from the full record through the
 * actor loader (batched), so that a card is never wrong, at worst one wave slower. graphql-js's
 * default resolver calls a function-valued property; field resolvers that read actor fields
 * themselves go through `actorField`. Cards never prime the actor loader.
 */
const cardPrototype = Object.create(Actor.prototype) as Record<string, unknown>;
for (const name of ACTOR.names) {
  if (ACTOR_CARD_FIELDS.includes(name)) continue;
  cardPrototype[name] = function (this: Actor, _args: unknown, ctx: ActorSource) {
    return fromFullRecord(this.id, name as keyof Actor, ctx);
  };
}
const card = recordBuilder<Actor>(ACTOR, ACTOR_CARD_FIELDS, cardPrototype);
if (ACTOR_CARD_FIELDS.length === ACTOR.names.length) throw new Error('an actor card must have fewer fields than the full record');

export const isActorCard = (a: Actor): boolean => Object.getPrototypeOf(a) === cardPrototype;

/** An actor from `{{ACTOR a}}` values: a full record, or a card (ACTOR: 'CARD'). */
export function actorOrCardFromValues(v: readonly unknown[]): Actor {
  return v.length === ACTOR_CARD_FIELDS.length ? card.fromValues(v) : full.fromValues(v);
}

/** One field of an actor that may be a card (for field resolvers that read actor fields). */
export async function actorField<K extends keyof Actor>(actor: Actor, field: K, ctx: ActorSource): Promise<Actor[K] | null> {
  return isActorCard(actor) ? fromFullRecord(actor.id, field, ctx) : actor[field];
}

/** What a card serves as well as a full record: its own fields, and those resolved from the actor's id alone (through loaders). */
const SERVED_BY_CARD = new Set(['__typename', 'bonds', 'bondCount', 'participations', 'operations', 'stewardOf', 'events', ...ACTOR_CARD_FIELDS]);

/** True when a selection of actor fields (null: unknown) is served by a card. */
export const servedByCard = (fields: ReadonlySet<string> | null): boolean => onlySelects(fields, SERVED_BY_CARD);
