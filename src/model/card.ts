import type DataLoader from 'dataloader';
import { recordBuilder, type Entity } from './entity';

/** True when a selection (null: not known for certain, e.g. under @skip/@include) asks for nothing outside `allowed`. */
export const onlySelects = (fields: ReadonlySet<string> | null, allowed: ReadonlySet<string>): boolean => fields != null && [...fields].every((f) => allowed.has(f));

/** What a card reads its other fields through: the request's loader of full records, by name. */
type CardSource = { loaders: Record<string, DataLoader<string, Record<string, unknown> | null>> };

/**
 * Cards of an entity: records holding only `cardNames` (what a page that shows nothing else reads),
 * every other field but `known` (set by whoever builds the card) resolved from the full record
 * through the request's `loader`, batched, so that a card is never wrong, at worst one wave slower.
 * graphql-js's default resolver calls a function-valued property. Cards never prime that loader.
 */
export function cardRecords<T extends { id: string }>(e: Entity, cardNames: readonly string[], prototype: object, known: readonly string[], loader: string) {
  const cardPrototype = Object.create(prototype) as Record<string, unknown>;
  for (const name of e.names) {
    if (cardNames.includes(name) || known.includes(name)) continue;
    cardPrototype[name] = async function (this: T, _args: unknown, ctx: CardSource) {
      const record = await ctx.loaders[loader].load(this.id);
      return record ? record[name] : null;
    };
  }
  const builder = recordBuilder<T>(e, cardNames, cardPrototype);
  return { fromValues: builder.fromValues, isCard: (x: T): boolean => Object.getPrototypeOf(x) === cardPrototype };
}
