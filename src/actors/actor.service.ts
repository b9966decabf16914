import { int } from '../db/values';
import type { Context } from '../context';
import type { Row } from '../db/database';
import { dateTimeParam, listParam } from '../common/args';
import { newId } from '../common/ids';
import { orderKeywords, planPage, toPage, type ConnectionResult } from '../common/pagination';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { writableSource } from '../auth/roles';
import { eventFor, recordChanges } from '../changes/change.recorder';
import { BondDirection } from '../common/enums';
import { Actor } from './actor.type';
import type { ActorFilter, ActorsArgs, CreateActorInput, UpdateActorInput } from './actor.input';
import { ActorOrderField } from './actor.input';

/** Upper bound of full-text hits considered for one search (and its totalCount). */
const SEARCH_LIMIT = 1000;

/**
 * An actor record. Built as an instance of the GraphQL `Actor` class: type-graphql then hands it to
 * field resolvers as is, instead of copying it into a new instance for every resolved field.
 */
const ActorRecord = function (this: Actor, id: string, name: string, kind: any, sector: any, description: string | null, territory: string | null, tags: string[], source: string, externalId: string | null, email: string | null, phone: string | null, version: number, createdAt: Date, updatedAt: Date) {
  this.id = id;
  this.name = name;
  this.kind = kind;
  this.sector = sector;
  this.description = description;
  this.territory = territory;
  this.tags = tags;
  this.source = source;
  this.externalId = externalId;
  this.email = email;
  this.phone = phone;
  this.version = version;
  this.createdAt = createdAt;
  this.updatedAt = updatedAt;
} as unknown as new (...args: any[]) => Actor;
ActorRecord.prototype = Actor.prototype;

/** Normalizes an actor row from Cypher (a map of its properties) into the GraphQL shape. */
export function toActor(row: Record<string, any>): Actor {
  return new ActorRecord(
    row.id,
    row.name,
    row.kind,
    row.sector,
    row.description ?? null,
    row.territory ?? null,
    row.tags ?? [],
    row.source,
    row.externalId ?? null,
    row.email ?? null,
    row.phone ?? null,
    row.version,
    row.createdAt,
    row.updatedAt,
  );
}

const instant = (ms: number | null): Date => (ms == null ? (null as unknown as Date) : new Date(ms));

/**
 * An actor from the flat list of values the actor queries return (lists decode faster than maps):
 * `[a.id, a.name, a.kind, a.sector, a.description, a.territory, a.tags, a.source, a.externalId,
 *   a.email, a.phone, a.version, a.createdAt.epochMillis, a.updatedAt.epochMillis]`.
 */
export function actorFromValues(v: any[]): Actor {
  return new ActorRecord(v[0], v[1], v[2], v[3], v[4] ?? null, v[5] ?? null, v[6] ?? [], v[7], v[8] ?? null, v[9] ?? null, v[10] ?? null, v[11], instant(v[12]), instant(v[13]));
}

/**
 * What a page shows of an actor when it asks only for these fields: a card. The page's query then
 * reads five properties of each actor instead of fourteen (on the 10k bench store, 20-30 % of a
 * search's Neo4j CPU).
 */
export const CARD_FIELDS: ReadonlySet<string> = new Set(['__typename', 'id', 'name', 'kind', 'sector', 'territory']);

/** True when a selection of actor fields (null: unknown) is served by a card. */
export const servedByCard = (fields: ReadonlySet<string> | null): boolean => fields != null && [...fields].every((f) => CARD_FIELDS.has(f));

/** One field of an actor, from its full record (the actor loader, batched). */
const fromFullRecord = async <K extends keyof Actor>(id: string, field: K, ctx: Pick<Context, 'loaders'>): Promise<Actor[K] | null> => {
  const full = await ctx.loaders.actor.load(id);
  return full ? full[field] : null;
};

/**
 * An actor card: the card fields, and every other field resolved from the full record through the
 * actor loader (batched), so that a card is never wrong, at worst one wave slower. graphql-js's
 * default resolver calls a function-valued property; field resolvers that read actor fields
 * themselves go through `actorField`. Cards never prime the actor loader.
 */
const cardPrototype = Object.create(Actor.prototype) as Record<string, unknown>;
for (const field of ['description', 'tags', 'source', 'externalId', 'email', 'phone', 'version', 'createdAt', 'updatedAt'] as const) {
  cardPrototype[field] = function (this: Actor, _args: unknown, ctx: Pick<Context, 'loaders'>) {
    return fromFullRecord(this.id, field, ctx);
  };
}
const ActorCard = function (this: Actor, id: string, name: string, kind: any, sector: any, territory: string | null) {
  this.id = id;
  this.name = name;
  this.kind = kind;
  this.sector = sector;
  this.territory = territory;
} as unknown as new (...args: any[]) => Actor;
ActorCard.prototype = cardPrototype;

export const isActorCard = (a: Actor): boolean => Object.getPrototypeOf(a) === cardPrototype;

/** An actor from `{{ACTOR a}}` values: a full record, or a card (ACTOR: 'CARD'). */
export function actorOrCardFromValues(v: any[]): Actor {
  return v.length === 5 ? new ActorCard(v[0], v[1], v[2], v[3], v[4] ?? null) : actorFromValues(v);
}

/** One field of an actor that may be a card (for field resolvers that read actor fields). */
export async function actorField<K extends keyof Actor>(actor: Actor, field: K, ctx: Pick<Context, 'loaders'>): Promise<Actor[K] | null> {
  return isActorCard(actor) ? fromFullRecord(actor.id, field, ctx) : actor[field];
}

function filterParams(filter: ActorFilter | null | undefined) {
  return {
    kinds: listParam(filter?.kinds),
    sectors: listParam(filter?.sectors),
    source: filter?.source ?? null,
    territory: filter?.territory ?? null,
    updatedSince: dateTimeParam(filter?.updatedSince),
    tags: listParam(filter?.tags),
    operation: filter?.operation ?? null,
    common: filter?.common ?? null,
  };
}

/** Escapes Lucene syntax so that a search is always plain words (never a query-syntax error). */
export function toLuceneQuery(search: string): string | null {
  const words = search
    .normalize('NFC')
    .replace(/[\u0000-\u001f]/g, ' ')
    .split(/\s+/)
    .map((w) => w.toLowerCase().replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&'))
    .filter((w) => w.replace(/\\/g, '').length > 0);
  if (!words.length) return null;
  // Every word must match (AND); the last one also as a prefix, for search-as-you-type.
  const last = words.length - 1;
  return words.map((w, i) => (i === last && w.length >= 3 ? `+(${w} OR ${w}*)` : `+${w}`)).join(' ');
}

/**
 * The query shape for a filter: start from the most selective condition given (an operation, a
 * common, sectors) so that Neo4j seeks instead of scanning every actor. All stay parameterized.
 */
function anchorOf(filter: ReturnType<typeof filterParams>): 'by-operation' | 'by-common' | 'by-sectors' | null {
  if (filter.operation != null) return 'by-operation';
  if (filter.common != null) return 'by-common';
  if (filter.sectors != null) return 'by-sectors';
  return null;
}

/**
 * The `actors` connection: filtered, searched or sorted, keyset-paginated both ways. With `cards`
 * (the page selects only card fields), a search reads actor cards.
 */
export async function listActors(ctx: Context, args: ActorsArgs, cards = false): Promise<ConnectionResult<Actor>> {
  const plan = planPage(args, ctx.config.MAX_PAGE_SIZE);
  const filter = filterParams(args.filter);
  const search = args.search != null && args.search.trim() !== '' ? toLuceneQuery(args.search) : null;
  if (args.search != null && args.search.trim() !== '' && search == null) {
    throw new BadInputError('`search` has no searchable words', [{ field: 'search', message: 'no words' }]);
  }
  if (search != null) {
    const fwd = !plan.backward;
    const variant = { DIR: fwd ? 'DESC' : 'ASC', CMP: fwd ? '<' : '>', DIRID: fwd ? 'ASC' : 'DESC', CMPID: fwd ? '>' : '<', ACTOR: cards ? 'CARD' : 'FULL' } as const;
    const params = { ...filter, search, searchLimit: int(SEARCH_LIMIT), afterKey: plan.cursor?.k ?? null, afterId: plan.cursor?.id ?? null, limit: int(plan.limit) };
    // Without filters, queries without the (costly even when unused) filter predicates.
    const suffix = Object.values(filter).some((v) => v != null) ? '-filtered' : '';
    // An unfiltered first page ranks only the hits that can be on it (see search-first).
    const rows = await ctx.db.read(!suffix && fwd && !plan.cursor ? 'actors/search-first' : `actors/search-page${suffix}`, params, variant);
    return toPage(rows, plan, (r: Row) => ({ k: r.k, id: r.actor[0] }), () => countActors(ctx, `actors/search-count${suffix}`, { ...filter, search, searchLimit: int(SEARCH_LIMIT) }), toActorRow);
  }
  const field = args.orderBy?.field ?? ActorOrderField.NAME;
  const direction = args.orderBy?.direction ?? 'ASC';
  const isTime = field !== ActorOrderField.NAME;
  const afterKey = plan.cursor ? (isTime ? dateTimeParam(new Date(String(plan.cursor.k))) : plan.cursor.k) : null;
  if (plan.cursor && (isTime ? Number.isNaN(new Date(String(plan.cursor.k)).getTime()) : typeof plan.cursor.k !== 'string')) {
    throw new BadInputError('The cursor was made for another `orderBy`', [{ field: plan.backward ? 'before' : 'after', message: 'cursor/order mismatch' }]);
  }
  const params = { ...filter, orderField: field, afterKey, afterId: plan.cursor?.id ?? null, limit: int(plan.limit) };
  const anchor = anchorOf(filter);
  const rows = await ctx.db.read(anchor ? `actors/page-${anchor}` : 'actors/page', params, orderKeywords(direction, plan.backward));
  // The page's actors and their stored bond counts prime the loaders: `bondCount`, or a bond's
  // `from`/`to` on a list page, cost no second trip.
  for (const r of rows) {
    r.node = actorFromValues(r.actor);
    ctx.loaders.actor.prime(r.node.id, r.node);
    ctx.loaders.bondCount.prime({ actorId: r.node.id, kinds: null, direction: BondDirection.BOTH }, r.degree);
  }
  const keyOf = (r: Row) => ({ k: r.k instanceof Date ? r.k.toISOString() : r.k, id: r.actor[0] });
  return toPage(rows, plan, keyOf, () => countActors(ctx, anchor ? `actors/count-${anchor}` : 'actors/count', filter), (r: Row) => r.node as Actor);
}

const toActorRow = (r: Row): Actor => actorOrCardFromValues(r.actor);


async function countActors(ctx: Context, query: string, params: Record<string, unknown>): Promise<number> {
  const [row] = await ctx.db.read(query, params);
  return row?.total ?? 0;
}

/** Batch loader body: actors by id, in the order asked (null where none). */
export async function actorsByIds(ctx: Pick<Context, 'db'>, ids: readonly string[]): Promise<(Actor | null)[]> {
  const rows = await ctx.db.read('actors/by-ids', { ids: [...new Set(ids)] });
  const byId = new Map(rows.map((r) => [r.actor[0] as string, actorFromValues(r.actor)]));
  return ids.map((id) => byId.get(id) ?? null);
}

function actorProps(input: CreateActorInput | UpdateActorInput): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const key of ['name', 'kind', 'sector', 'description', 'territory', 'tags', 'externalId', 'email', 'phone'] as const) {
    const v = (input as Record<string, unknown>)[key];
    if (v !== undefined) props[key] = typeof v === 'string' && key !== 'externalId' ? v.trim() : v;
  }
  if (Array.isArray(props.tags)) props.tags = [...new Set(props.tags as string[])];
  return props;
}

export async function createActor(ctx: Context, input: CreateActorInput): Promise<Actor> {
  const required = writableSource(ctx.principal, input.source ?? null, 'createActor');
  const source = input.source ?? required ?? 'api';
  const props: Record<string, unknown> = { ...actorProps(input), id: newId('Actor'), source, tags: input.tags ? [...new Set(input.tags)] : [] };
  if (props.email != null || props.phone != null) {
    if (input.kind !== 'PERSON') throw new BadInputError('Only a PERSON may carry email or phone', [{ field: props.email != null ? 'input.email' : 'input.phone', message: 'personal data on a non-person' }]);
  }
  return ctx.db.write(async (tx) => {
    const [row] = await tx.run('actors/create', { props });
    const actor = toActor(row.actor);
    await recordChanges(tx, [eventFor('Actor', 'CREATE', actor)]);
    return actor;
  });
}

export async function updateActor(ctx: Context, id: string, input: UpdateActorInput, expectedVersion: number | null | undefined): Promise<Actor> {
  const requiredSource = writableSource(ctx.principal, null, 'updateActor');
  const set = actorProps(input);
  for (const k of ['name', 'kind', 'sector'] as const) {
    if (k in set && set[k] == null) throw new BadInputError(`\`${k}\` cannot be null`, [{ field: `input.${k}`, message: 'required field' }]);
  }
  if ('tags' in set && set.tags == null) set.tags = [];
  return ctx.db.write(async (tx) => {
    const [row] = await tx.run('actors/update', { id, set, expectedVersion: expectedVersion ?? null, requiredSource });
    if (!row) throw new NotFoundError('Actor', id);
    if (!row.allowed) throw new ForbiddenError(`updateActor: actor ${id} belongs to another source; this PARTNER key may only change source ${JSON.stringify(requiredSource)}`, ['EDITOR', 'ADMIN']);
    if (!row.fresh) throw new ConflictError(`Actor ${id} is at version ${row.current}, not ${expectedVersion}: reload it and apply your change again`, { currentVersion: row.current });
    const actor = toActor(row.actor);
    if ((actor.email != null || actor.phone != null) && actor.kind !== 'PERSON') {
      throw new BadInputError('Only a PERSON may carry email or phone', [{ field: 'input.kind', message: 'personal data on a non-person' }]);
    }
    if (row.changed.length > 0) await recordChanges(tx, [eventFor('Actor', 'UPDATE', actor)]);
    return actor;
  });
}

export interface DeleteOutcome {
  id: string;
  removedBonds: number;
  removedParticipations: number;
}

export async function deleteActor(ctx: Context, id: string): Promise<DeleteOutcome> {
  const requiredSource = writableSource(ctx.principal, null, 'deleteActor');
  return ctx.db.write(async (tx) => {
    const [row] = await tx.run('actors/delete', { id, requiredSource });
    if (!row) {
      const [owner] = await tx.run('actors/source-of', { id });
      if (!owner) throw new NotFoundError('Actor', id);
      throw new ForbiddenError(`deleteActor: actor ${id} belongs to another source; this PARTNER key may only delete source ${JSON.stringify(requiredSource)}`, ['EDITOR', 'ADMIN']);
    }
    if (row.actor.kind === 'PERSON') await tx.run('changes/redact', { id });
    await recordChanges(tx, [
      ...row.bonds.map((b: Row) => eventFor('Bond', 'DELETE', b)),
      ...row.participations.map((p: Row) => eventFor('Participation', 'DELETE', { ...p, source: row.actor.source })),
      eventFor('Actor', 'DELETE', row.actor),
    ]);
    return { id, removedBonds: row.bonds.length, removedParticipations: row.participations.length };
  });
}
