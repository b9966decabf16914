import type { Context } from '../context';
import { toOperation } from '../common/records';
import { BadInputError } from '../errors';
import type { OperationRecord } from './operation.type';

export async function listOperations(ctx: Context): Promise<OperationRecord[]> {
  const rows = await ctx.db.read('operations/all');
  const ops = rows.map((r) => toOperation(r.operation));
  for (const o of ops) ctx.loaders.operation.prime(o.id, o);
  return ops;
}

/** `operation(id|code)`: exactly one of the two. */
export async function findOperation(ctx: Context, id: string | null | undefined, code: string | null | undefined): Promise<OperationRecord | null> {
  if ((id == null) === (code == null)) {
    throw new BadInputError('Pass exactly one of `id` or `code`', [{ field: id == null ? 'id' : 'code', message: 'exactly one of id, code' }]);
  }
  if (id != null) return ctx.loaders.operation.load(id);
  const [row] = await ctx.db.read('operations/by-code', { code });
  return row ? toOperation(row.operation) : null;
}
