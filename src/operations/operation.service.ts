import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context';
import { toOperation } from '../common/records';
import { BadInputError } from '../errors';
import { prefetch } from '../common/prefetch';
import { selectedChildren } from '../common/lookahead';
import { operationParticipationsKey, participantsAsCards } from '../participations/participation.loader';
import type { OperationRecord } from './operation.type';

/**
 * Operation ids by code, as last seen by this process: only a hint for prefetching an operation
 * page's participants in the same query as the operation (a stale entry costs a wasted prefetch,
 * never a wrong answer: the participants are read with the id of the operation actually found).
 */
const idOfCode = new Map<string, string>();
const remember = (o: OperationRecord | null) => {
  if (o && (idOfCode.size < 1000 || idOfCode.has(o.code))) idOfCode.set(o.code, o.id);
  return o;
};

export async function listOperations(ctx: Context): Promise<OperationRecord[]> {
  const rows = await ctx.db.read('operations/all');
  const ops = rows.map((r) => toOperation(r.operation));
  for (const o of ops) ctx.loaders.operation.prime(o.id, remember(o)!);
  return ops;
}

/** `operation(id|code)`: exactly one of the two. */
export async function findOperation(ctx: Context, id: string | null | undefined, code: string | null | undefined, info?: GraphQLResolveInfo): Promise<OperationRecord | null> {
  if ((id == null) === (code == null)) {
    throw new BadInputError('Pass exactly one of `id` or `code`', [{ field: id == null ? 'id' : 'code', message: 'exactly one of id, code' }]);
  }
  const found = id != null ? ctx.loaders.operation.load(id) : ctx.loaders.operationByCode.load(code!);
  // The page's participants, in the same bundled query as the operation (when its id is known).
  const knownId = id ?? idOfCode.get(code!);
  if (info && knownId) {
    for (const child of selectedChildren(info, 'Operation')) {
      if (child.name === 'participations') prefetch(ctx.loaders.participationsOfOperation.load(operationParticipationsKey(knownId, child.args, participantsAsCards([child.node], info))));
    }
  }
  return remember(await found);
}
