import { int } from '../db/values';
import type { Context } from '../context';
import type { Row } from '../db/database';
import { dateTimeParam, listParam } from '../common/args';
import { newId } from '../common/ids';
import { checkCursorOrder, orderKeywords, planPage, toPage, type ConnectionResult } from '../common/pagination';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { writableSource } from '../auth/roles';
import { eventFor, recordChanges } from '../changes/change.recorder';
import { BondDirection } from '../common/enums';
import { typeOfId } from '../common/ids';
import { admitOrRefuse, checkRecord, guardStructure, recordSource, refuse, toParams } from '../model/entity';
import type { Actor } from './actor.type';
import { ACTOR } from './actor.model';
import { actorFromMap, actorOrCardFromValues } from './actor.record';
import type { ActorFilter, ActorsArgs, CreateActorInput, UpdateActorInput } from './actor.input';
import { ActorOrderField } from './actor.input';
import { toLuceneQuery } from './search';

/** Upper bound of full-text hits considered for one search (and its totalCount). */
const SEARCH_LIMIT = 1000;


/**
 * The filter as Cypher parameters. An operation may be named by id or by code (the analytics
 * scopes take codes): a code is read as the operation's id through the request's loader.
 */
async function filterParams(ctx: Context, filter: ActorFilter | null | undefined) {
  let operation = filter?.operation ?? null;
  if (operation != null && typeOfId(operation) !== 'Operation') {
    const byCode = await ctx.loaders.operationByCode.load(operation);
    if (!byCode) throw new BadInputError(`No operation has id or code ${JSON.stringify(operation)}: pass an operation id (op_…) or a code such as FOOD_GOVERNANCE`, [{ field: 'filter.operation', message: 'unknown operation' }]);
    operation = byCode.id;
  }
  return {
    kinds: listParam(filter?.kinds),
    sectors: listParam(filter?.sectors),
    source: filter?.source ?? null,
    territory: filter?.territory ?? null,
    updatedSince: dateTimeParam(filter?.updatedSince),
    tags: listParam(filter?.tags),
    operation,
    common: filter?.common ?? null,
  };
}

/**
 * The query shape for a filter: start from the most selective condition given (an operation, a
 * common, sectors) so that Neo4j seeks instead of scanning every actor. All stay parameterized.
 */
export function anchorOf(filter: Pick<Awaited<ReturnType<typeof filterParams>>, 'operation' | 'common' | 'sectors'>): 'by-operation' | 'by-common' | 'by-sectors' | null {
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
  const filter = await filterParams(ctx, args.filter);
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
    for (const r of rows) r.node = actorOrCardFromValues(r.actor);
    return toPage(rows, plan, (r: Row) => ({ k: r.k, id: (r.node as Actor).id }), () => countActors(ctx, `actors/search-count${suffix}`, { ...filter, search, searchLimit: int(SEARCH_LIMIT) }), (r: Row) => r.node as Actor);
  }
  const field = args.orderBy?.field ?? ActorOrderField.NAME;
  const direction = args.orderBy?.direction ?? 'ASC';
  const isTime = field !== ActorOrderField.NAME;
  checkCursorOrder(plan, field, isTime ? 'instant' : 'text');
  const afterKey = plan.cursor ? (isTime ? dateTimeParam(new Date(String(plan.cursor.k))) : plan.cursor.k) : null;
  const params = { ...filter, orderField: field, afterKey, afterId: plan.cursor?.id ?? null, limit: int(plan.limit) };
  const anchor = anchorOf(filter);
  const rows = await ctx.db.read(anchor ? `actors/page-${anchor}` : 'actors/page', params, { ...orderKeywords(direction, plan.backward), ACTOR: cards ? 'CARD' : 'FULL' });
  // The page's actors (full records: cards never stand for one) and their stored bond counts prime
  // the loaders: `bondCount`, or a bond's `from`/`to` on a list page, cost no second trip.
  for (const r of rows) {
    r.node = actorOrCardFromValues(r.actor);
    if (cards) ctx.loaders.actorCards.set(r.node.id, r.node);
    else ctx.loaders.actor.prime(r.node.id, r.node);
    ctx.loaders.bondCount.prime({ actorId: r.node.id, kinds: null, direction: BondDirection.BOTH }, r.degree);
  }
  const keyOf = (r: Row) => ({ k: r.k instanceof Date ? r.k.toISOString() : r.k, id: (r.node as Actor).id });
  return toPage(rows, plan, keyOf, () => countActors(ctx, anchor ? `actors/count-${anchor}` : 'actors/count', filter), (r: Row) => r.node as Actor);
}


async function countActors(ctx: Context, query: string, params: Record<string, unknown>): Promise<number> {
  const [row] = await ctx.db.read(query, params);
  return row?.total ?? 0;
}

export async function createActor(ctx: Context, input: CreateActorInput): Promise<Actor> {
  const required = writableSource(ctx.principal, input.source ?? null, 'createActor');
  const source = recordSource(ACTOR, input.source, required ?? 'api');
  const values = admitOrRefuse(ACTOR, input as unknown as Record<string, unknown>, 'create', 'input', 'createActor');
  guardStructure(ACTOR, ctx.principal, [{ record: values, path: 'input' }], ctx.config, 'createActor');
  const props = { ...toParams(ACTOR, values), id: newId('Actor'), source };
  return ctx.db.write(async (tx) => {
    const [row] = await tx.run('actors/create', { props });
    const actor = actorFromMap(row.actor);
    await recordChanges(tx, [eventFor('Actor', 'CREATE', actor)]);
    return actor;
  });
}

export async function updateActor(ctx: Context, id: string, input: UpdateActorInput, expectedVersion: number | null | undefined): Promise<Actor> {
  const requiredSource = writableSource(ctx.principal, null, 'updateActor');
  const set = toParams(ACTOR, admitOrRefuse(ACTOR, input as unknown as Record<string, unknown>, 'patch', 'input', 'updateActor'));
  return ctx.db.write(async (tx) => {
    const [row] = await tx.run('actors/update', { id, set, expectedVersion: expectedVersion ?? null, requiredSource });
    if (!row) throw new NotFoundError('Actor', id);
    if (!row.allowed) throw new ForbiddenError(`updateActor: actor ${id} belongs to another source; this PARTNER key may only change source ${JSON.stringify(requiredSource)}`, ['EDITOR', 'ADMIN']);
    if (!row.fresh) throw new ConflictError(`Actor ${id} is at version ${row.current}, not ${expectedVersion}: reload it and apply your change again`, { currentVersion: row.current });
    // The record rules hold on the record as changed (throwing here rolls the update back).
    const actor = actorFromMap(row.actor);
    const problems = checkRecord(ACTOR, actor, 'input');
    if (problems.length) refuse('updateActor', problems);
    guardStructure(ACTOR, ctx.principal, [{ record: actor as unknown as Record<string, unknown>, path: 'input' }], ctx.config, 'updateActor');
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
