import { int } from '../db/values';
import type { Context } from '../context';
import type { Row } from '../db/database';
import { dateParam, dateTimeParam, listParam } from '../common/args';
import { newId } from '../common/ids';
import { orderKeywords, planPage, toPage, type ConnectionResult } from '../common/pagination';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { writableSource } from '../auth/roles';
import { eventFor, recordChanges } from '../changes/change.recorder';
import { admitOrRefuse, checkRecord, recordSource, refuse, toParams } from '../model/entity';
import { bondFromMap, type BondRecord } from './bond.type';
import { BOND } from './bond.model';
import type { BondsArgs, CreateBondInput, UpdateBondInput } from './bond.input';

export async function listBonds(ctx: Context, args: BondsArgs): Promise<ConnectionResult<BondRecord>> {
  const plan = planPage(args, ctx.config.MAX_PAGE_SIZE);
  const f = args.filter;
  const filter = {
    kinds: listParam(f?.kinds),
    source: f?.source ?? null,
    actor: f?.actor ?? null,
    validOn: dateParam(f?.validOn),
    updatedSince: dateTimeParam(f?.updatedSince),
  };
  const rows = await ctx.db.read('bonds/page', { ...filter, afterId: plan.cursor?.id ?? null, limit: int(plan.limit) }, orderKeywords('ASC', plan.backward));
  return toPage(
    rows,
    plan,
    (r: Row) => ({ k: null, id: r.bond.id }),
    async () => (await ctx.db.read('bonds/count', filter))[0]?.total ?? 0,
    (r: Row) => bondFromMap(r.bond),
  );
}

export async function createBond(ctx: Context, input: CreateBondInput): Promise<BondRecord> {
  const required = writableSource(ctx.principal, input.source ?? null, 'createBond');
  const source = recordSource(BOND, input.source, required ?? 'api');
  const values = admitOrRefuse(BOND, input as unknown as Record<string, unknown>, 'create', 'input', 'createBond');
  if (input.from === input.to) refuse('createBond', [{ field: 'input.to', message: 'same actor as from: a bond needs two different actors' }]);
  const props = { ...toParams(BOND, values), id: newId('Bond'), source };
  return ctx.db.write(async (tx) => {
    const [row] = await tx.run('bonds/create', { from: input.from, to: input.to, props });
    if (!row) {
      const [{ found }] = await tx.run('bonds/endpoints', { ids: [input.from, input.to] });
      const missing = input.from && !found.includes(input.from) ? 'from' : 'to';
      throw new NotFoundError('Actor', missing === 'from' ? input.from : input.to);
    }
    await recordChanges(tx, [eventFor('Bond', 'CREATE', row.bond)]);
    return bondFromMap(row.bond);
  });
}

export async function updateBond(ctx: Context, id: string, input: UpdateBondInput, expectedVersion: number | null | undefined): Promise<BondRecord> {
  const requiredSource = writableSource(ctx.principal, null, 'updateBond');
  const set = toParams(BOND, admitOrRefuse(BOND, input as unknown as Record<string, unknown>, 'patch', 'input', 'updateBond'));
  return ctx.db.write(async (tx) => {
    const [row] = await tx.run('bonds/update', { id, set, expectedVersion: expectedVersion ?? null, requiredSource });
    if (!row) throw new NotFoundError('Bond', id);
    if (!row.allowed) throw new ForbiddenError(`updateBond: bond ${id} belongs to another source; this PARTNER key may only change source ${JSON.stringify(requiredSource)}`, ['EDITOR', 'ADMIN']);
    if (!row.fresh) throw new ConflictError(`Bond ${id} is at version ${row.current}, not ${expectedVersion}: reload it and apply your change again`, { currentVersion: row.current });
    const bond = bondFromMap(row.bond);
    // The record rules hold on the bond as changed (throwing here rolls the update back).
    const problems = checkRecord(BOND, bond, 'input');
    if (problems.length) refuse('updateBond', problems);
    if (row.changed.length > 0) await recordChanges(tx, [eventFor('Bond', 'UPDATE', row.bond)]);
    return bond;
  });
}

export async function deleteBond(ctx: Context, id: string): Promise<{ id: string }> {
  const requiredSource = writableSource(ctx.principal, null, 'deleteBond');
  return ctx.db.write(async (tx) => {
    const [row] = await tx.run('bonds/delete', { id, requiredSource });
    if (!row) {
      const [owner] = await tx.run('bonds/source-of', { id });
      if (!owner) throw new NotFoundError('Bond', id);
      throw new ForbiddenError(`deleteBond: bond ${id} belongs to another source; this PARTNER key may only delete source ${JSON.stringify(requiredSource)}`, ['EDITOR', 'ADMIN']);
    }
    await recordChanges(tx, [eventFor('Bond', 'DELETE', row.bond)]);
    return { id };
  });
}
