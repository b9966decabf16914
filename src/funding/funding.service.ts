import type { Context } from '../context';
import type { Tx } from '../db/database';
import { newId } from '../common/ids';
import { ConflictError, ForbiddenError, NotFoundError, type InvalidField } from '../errors';
import { can, requirePermission, Role, writableSource, type Principal } from '../auth/roles';
import { eventFor, recordChanges } from '../changes/change.recorder';
import { admit, admitBatch, admitOrRefuse, guardStructure, recordSource, refuse, toParams } from '../model/entity';
import { actorRefProblems, checkSyncAccess, refKey, summarize } from '../sync/sync.service';
import { SyncStatus, type SyncResult } from '../sync/sync.type';
import { FUNDING } from './funding.model';
import { INDICATOR_VALUE } from './indicator-value.model';
import { fundingFromMap, indicatorValueFromMap, type Funding, type IndicatorValue } from './funding.type';
import type { CreateFundingInput, FundingSyncInput, IndicatorValueInput, UpdateFundingInput } from './funding.input';

/**
 * Whether the caller reads a confidential amount of `source`: ANALYST, EDITOR and ADMIN keys, and
 * the PARTNER key of that source (who entered it). Public amounts are read by everyone.
 */
export const readsConfidential = (p: Principal, source: string | null): boolean => can(p, 'readConfidential') || (p.role === Role.PARTNER && p.source != null && p.source === source);

/** The amount as this caller may see it. */
export const visibleAmount = (p: Principal, f: Pick<Funding, 'amount' | 'confidential' | 'source'>): number | null => (f.confidential && !readsConfidential(p, f.source) ? null : f.amount);

/** A PARTNER key writes only fundings by its own actors (FORBIDDEN otherwise). */
function checkFunderSource(caller: Principal, funderSource: string | null, path: string, what: string): void {
  if (caller.role === Role.PARTNER && funderSource !== caller.source) {
    throw new ForbiddenError(`${what}: ${path}: the funder belongs to source ${JSON.stringify(funderSource)}; this PARTNER key may only record fundings by actors of source ${JSON.stringify(caller.source)}`, [Role.EDITOR, Role.ADMIN]);
  }
}

export async function createFunding(ctx: Context, input: CreateFundingInput): Promise<Funding> {
  const required = writableSource(ctx.principal, input.source ?? null, 'createFunding');
  const source = recordSource(FUNDING, input.source, required ?? 'api');
  const values = admitOrRefuse(FUNDING, input as unknown as Record<string, unknown>, 'create', 'input', 'createFunding');
  const props = { ...toParams(FUNDING, values), id: newId('Funding'), source };
  return ctx.db.write(async (tx) => {
    const [ends] = await tx.run('funding/ends', { funder: input.funder, operation: input.operation });
    if (!ends.funderFound) throw new NotFoundError('Actor', input.funder);
    if (!ends.operationFound) throw new NotFoundError('Operation', input.operation);
    checkFunderSource(ctx.principal, ends.funderSource, 'input.funder', 'createFunding');
    guardStructure(FUNDING, ctx.principal, [{ record: { funderSource: ends.funderSource }, path: 'input' }], ctx.config, 'createFunding');
    const [row] = await tx.run('funding/create', { funder: input.funder, operation: input.operation, props });
    await recordChanges(tx, [eventFor('Funding', 'CREATE', row.funding)]);
    return fundingFromMap(row.funding);
  });
}

export async function updateFunding(ctx: Context, id: string, input: UpdateFundingInput, expectedVersion: number | null | undefined): Promise<Funding> {
  const requiredSource = writableSource(ctx.principal, null, 'updateFunding');
  const set = toParams(FUNDING, admitOrRefuse(FUNDING, input as unknown as Record<string, unknown>, 'patch', 'input', 'updateFunding'));
  return ctx.db.write(async (tx) => {
    const [row] = await tx.run('funding/update', { id, set, expectedVersion: expectedVersion ?? null, requiredSource });
    if (!row) throw new NotFoundError('Funding', id);
    if (!row.allowed) throw new ForbiddenError(`updateFunding: funding ${id} belongs to another source; this PARTNER key may only change source ${JSON.stringify(requiredSource)}`, [Role.EDITOR, Role.ADMIN]);
    if (!row.fresh) throw new ConflictError(`Funding ${id} is at version ${row.current}, not ${expectedVersion}: reload it and apply your change again`, { currentVersion: row.current });
    if (row.changed.length > 0) await recordChanges(tx, [eventFor('Funding', 'UPDATE', row.funding)]);
    return fundingFromMap(row.funding);
  });
}

export async function deleteFunding(ctx: Context, id: string): Promise<{ id: string }> {
  const requiredSource = writableSource(ctx.principal, null, 'deleteFunding');
  return ctx.db.write(async (tx) => {
    const [row] = await tx.run('funding/delete', { id, requiredSource });
    if (!row) {
      const [owner] = await tx.run('funding/source-of', { id });
      if (!owner) throw new NotFoundError('Funding', id);
      throw new ForbiddenError(`deleteFunding: funding ${id} belongs to another source; this PARTNER key may only delete source ${JSON.stringify(requiredSource)}`, [Role.EDITOR, Role.ADMIN]);
    }
    await recordChanges(tx, [eventFor('Funding', 'DELETE', row.funding)]);
    return { id };
  });
}

/** The ends of a funding sync batch, resolved in the database; every unknown end is a problem. */
async function resolveEnds(tx: Pick<Tx, 'run'>, items: FundingSyncInput[], source: string, problems: InvalidField[]) {
  const refs = new Map(items.map((f) => [refKey(f.funder, source), { key: refKey(f.funder, source), id: f.funder.id ?? null, source: f.funder.id != null ? null : (f.funder.source ?? source), externalId: f.funder.id != null ? null : (f.funder.externalId ?? null) }]));
  const [actors, ops] = [await tx.run('sync/resolve-refs', { refs: [...refs.values()] }), await tx.run('funding/resolve-operations', { refs: [...new Set(items.map((f) => f.operation))] })];
  const actorOf = new Map(actors.map((r) => [r.key as string, r.id == null ? null : { id: r.id as string, source: r.source as string }]));
  const opOf = new Map(ops.map((r) => [r.ref as string, (r.id as string | null) ?? null]));
  return items.map((f, i) => {
    const funder = actorOf.get(refKey(f.funder, source)) ?? null;
    const operation = opOf.get(f.operation) ?? null;
    if (!funder) problems.push({ field: `fundings.${i}.funder`, message: `no actor ${f.funder.id ?? `${f.funder.source ?? source}/${f.funder.externalId}`}` });
    if (!operation) problems.push({ field: `fundings.${i}.operation`, message: `no operation ${JSON.stringify(f.operation)} (give its id or code)` });
    return { funder: funder?.id ?? null, funderSource: funder?.source ?? null, operation };
  });
}

/** `syncFundings`: all-or-nothing upsert of up to MAX_SYNC_ITEMS fundings of one source (or, with dryRun, what it would do). */
export async function syncFundings(ctx: Context, source: string, fundings: FundingSyncInput[], dryRun = false): Promise<SyncResult> {
  checkSyncAccess(ctx, source, fundings.length, 'syncFundings', 'fundings');
  const { values, problems } = admitBatch(FUNDING, fundings, 'fundings');
  fundings.forEach((f, i) => problems.push(...actorRefProblems(f.funder, `fundings.${i}.funder`)));
  if (problems.length) refuse('syncFundings', problems);
  if (fundings.length === 0) return { created: 0, updated: 0, unchanged: 0, dryRun, items: [] };
  const work = async (tx: Pick<Tx, 'run'>) => {
    const found: InvalidField[] = [];
    const ends = await resolveEnds(tx, fundings, source, found);
    if (found.length) refuse('syncFundings', found);
    ends.forEach((e, i) => checkFunderSource(ctx.principal, e.funderSource, `fundings.${i}.funder`, 'syncFundings'));
    guardStructure(FUNDING, ctx.principal, ends.map((e, i) => ({ record: { funderSource: e.funderSource }, path: `fundings.${i}` })), ctx.config, 'syncFundings');
    const was = new Map((await tx.run('funding/existing', { source, externalIds: fundings.map((f) => f.externalId) })).map((r) => [r.externalId as string, r]));
    fundings.forEach((f, i) => {
      const old = was.get(f.externalId);
      if (old && (old.funder !== ends[i].funder || old.operation !== ends[i].operation)) found.push({ field: `fundings.${i}.funder`, message: `funding ${f.externalId} already links another funder or operation; its ends cannot change: delete it first` });
    });
    if (found.length) refuse('syncFundings', found);
    return fundings.map((f, i) => ({ externalId: f.externalId, id: newId('Funding'), funder: ends[i].funder, operation: ends[i].operation, props: toParams(FUNDING, values[i]) }));
  };
  const externalIds = fundings.map((f) => f.externalId);
  if (dryRun) return ctx.db.readTx(async (tx) => summarize(await tx.run('funding/sync-plan', { source, items: await work(tx) }), externalIds, true));
  return ctx.db.write(async (tx) => {
    const rows = await tx.run('funding/sync', { source, items: await work(tx) });
    await recordChanges(tx, rows.filter((r) => r.status !== SyncStatus.UNCHANGED).map((r) => eventFor('Funding', r.status === SyncStatus.CREATED ? 'CREATE' : 'UPDATE', r.funding)));
    return summarize(rows, externalIds, false);
  });
}

/**
 * `recordIndicatorValues`: an indicator's values by date, all or none; a date already recorded is
 * replaced. The program's results: EDITOR and ADMIN keys only. The indicator's own `value` and
 * `date` follow the latest value of its series.
 */
export async function recordIndicatorValues(ctx: Context, indicator: string, values: IndicatorValueInput[]): Promise<IndicatorValue[]> {
  requirePermission(ctx.principal, 'writeAnySource', 'recordIndicatorValues');
  const max = ctx.config.MAX_SYNC_ITEMS;
  if (values.length > max) refuse('recordIndicatorValues', [{ field: 'values', message: `at most ${max} values a call (MAX_SYNC_ITEMS); got ${values.length}` }]);
  const problems: InvalidField[] = [];
  const seen = new Map<string, number>();
  const items = values.map((v, i) => {
    const { values: props, problems: found } = admit(INDICATOR_VALUE, v as unknown as Record<string, unknown>, 'create', `values.${i}`);
    problems.push(...found);
    const date = props.date as string | undefined;
    if (date != null && seen.has(date)) problems.push({ field: `values.${i}.date`, message: `duplicate of value ${seen.get(date)} in this call` });
    else if (date != null) seen.set(date, i);
    return { id: newId('IndicatorValue'), props: toParams(INDICATOR_VALUE, props) };
  });
  if (problems.length) refuse('recordIndicatorValues', problems);
  return ctx.db.write(async (tx) => {
    const [exists] = await tx.run('indicators/exists', { indicator });
    if (!exists.found) throw new NotFoundError('Indicator', indicator);
    if (!items.length) return [];
    const rows = await tx.run('indicators/values-record', { indicator, items });
    await tx.run('indicators/latest', { indicator });
    await recordChanges(tx, rows.filter((r) => r.written).map((r) => eventFor('IndicatorValue', r.created ? 'CREATE' : 'UPDATE', r.value)));
    return rows.map((r) => indicatorValueFromMap(r.value));
  });
}

export async function deleteIndicatorValue(ctx: Context, id: string): Promise<{ id: string }> {
  requirePermission(ctx.principal, 'writeAnySource', 'deleteIndicatorValue');
  return ctx.db.write(async (tx) => {
    const [row] = await tx.run('indicators/value-delete', { id });
    if (!row) throw new NotFoundError('IndicatorValue', id);
    await tx.run('indicators/latest', { indicator: row.indicator });
    await recordChanges(tx, [eventFor('IndicatorValue', 'DELETE', row.value)]);
    return { id };
  });
}
