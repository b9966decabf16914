import { ArgsType, Field, Int, ObjectType, ClassType } from 'type-graphql';
import { BadInputError } from '../errors';

export const DEFAULT_PAGE_SIZE = 20;

/** Relay `PageInfo`. */
@ObjectType({ simpleResolvers: true, description: 'Where a page sits in its connection (Relay cursor spec).' })
export class PageInfo {
  @Field({ description: 'True when more items follow the last edge of this page.' })
  hasNextPage!: boolean;
  @Field({ description: 'True when items precede the first edge of this page.' })
  hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Cursor of the first edge; null on an empty page.' })
  startCursor!: string | null;
  @Field(() => String, { nullable: true, description: 'Cursor of the last edge; null on an empty page.' })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Page forward: at most this many items after `after` (default 20; at most MAX_PAGE_SIZE, 100 by default, or MAX_MEMBER_PAGE_SIZE, 2000, on `Operation.participations`).' })
  first?: number | null;
  @Field(() => String, { nullable: true, description: 'Cursor to page forward from (exclusive).' })
  after?: string | null;
  @Field(() => Int, { nullable: true, description: 'Page backward: at most this many items before `before`.' })
  last?: number | null;
  @Field(() => String, { nullable: true, description: 'Cursor to page backward from (exclusive).' })
  before?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** What services return for a connection; `totalCount` is computed only when asked for. */
export interface ConnectionResult<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: () => Promise<number>;
}

/** Builds the GraphQL connection and edge types of a node type. */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `An edge of a ${name} connection.` })
  class EdgeType {
    @Field({ description: 'Opaque cursor of this edge.' })
    cursor!: string;
    @Field(() => nodeType, { description: 'The item at the end of the edge.' })
    node!: T;
  }
  @ObjectType(`${name}ConnectionBase`, { simpleResolvers: true })
  abstract class ConnectionType {
    @Field(() => [EdgeType], { description: 'The items of this page, each with its cursor.' })
    edges!: EdgeType[];
    @Field(() => PageInfo, { description: 'Where this page sits: whether more items follow or precede, and the cursors to get them.' })
    pageInfo!: PageInfo;
  }
  return ConnectionType;
}

/** An edge whose cursor is encoded only when a query selects it (most list pages never do). */
class LazyEdge<R, T> implements Edge<T> {
  constructor(
    private readonly row: R,
    private readonly keyOf: (row: R) => KeysetCursor,
    readonly node: T,
  ) {}

  get cursor(): string {
    return encodeCursor(this.keyOf(this.row));
  }
}

/** A keyset position: the sort key and the id that breaks ties. */
export interface KeysetCursor {
  k: unknown;
  id: string;
}

export function encodeCursor(c: KeysetCursor): string {
  return Buffer.from(JSON.stringify([c.k, c.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, field: string): KeysetCursor {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[1] === 'string') return { k: v[0], id: v[1] };
  } catch {
    /* fall through to the error below */
  }
  throw new BadInputError(`\`${field}\` is not a cursor returned by this connection`, [{ field, message: 'invalid cursor' }]);
}

export interface PagePlan {
  /** Number of rows to fetch (page size + 1 to learn whether there is more). */
  limit: number;
  size: number;
  backward: boolean;
  cursor: KeysetCursor | null;
}

/** Validates Relay arguments once for every connection. */
export function planPage(args: PageArgs, maxPageSize: number): PagePlan {
  const { first, last, after, before } = args;
  if (first != null && last != null) {
    throw new BadInputError('Pass either `first` or `last`, not both', [{ field: 'last', message: 'combined with first' }]);
  }
  for (const [field, v] of [['first', first], ['last', last]] as const) {
    if (v != null && (v < 0 || v > maxPageSize)) {
      throw new BadInputError(`\`${field}\` must be between 0 and ${maxPageSize}; got ${v}`, [{ field, message: `must be 0..${maxPageSize}` }]);
    }
  }
  if (after != null && before != null) {
    throw new BadInputError('Pass either `after` or `before`, not both', [{ field: 'before', message: 'combined with after' }]);
  }
  const backward = last != null || (before != null && first == null);
  if (backward && after != null) {
    throw new BadInputError('`after` pages forward: use it with `first`', [{ field: 'after', message: 'used with last' }]);
  }
  if (!backward && before != null) {
    throw new BadInputError('`before` pages backward: use it with `last`', [{ field: 'before', message: 'used with first' }]);
  }
  const size = (backward ? last : first) ?? DEFAULT_PAGE_SIZE;
  const rawCursor = backward ? before : after;
  const cursor = rawCursor != null ? decodeCursor(rawCursor, backward ? 'before' : 'after') : null;
  return { limit: size + 1, size, backward, cursor };
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * Refuses a cursor made for another order than `order`: a cursor carries its order's sort key (an
 * instant for the time orders, a text such as a name key, or none for an order by id alone).
 */
export function checkCursorOrder(plan: PagePlan, order: string, key: 'instant' | 'text' | 'none'): void {
  if (!plan.cursor) return;
  const k = plan.cursor.k;
  const fits = key === 'none' ? k === null : typeof k === 'string' && ISO_INSTANT.test(k) === (key === 'instant');
  if (!fits) throw new BadInputError(`The cursor was made for another \`orderBy\` than ${order}: start again from the first page with this order`, [{ field: plan.backward ? 'before' : 'after', message: 'cursor/order mismatch' }]);
}

/** Turns the fetched rows (in query order, possibly one extra) into a Relay page. */
export function toPage<R, T>(
  rows: R[],
  plan: PagePlan,
  keyOf: (row: R) => KeysetCursor,
  totalCount: () => Promise<number>,
  toNode: (row: R) => T,
): ConnectionResult<T> {
  const more = rows.length > plan.size;
  const pageRows = rows.slice(0, plan.size);
  if (plan.backward) pageRows.reverse();
  const edges = pageRows.map((row) => new LazyEdge(row, keyOf, toNode(row)));
  return {
    edges,
    pageInfo: {
      hasNextPage: plan.backward ? plan.cursor != null : more,
      hasPreviousPage: plan.backward ? more : plan.cursor != null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount,
  };
}

/** Keyword pair for keyset queries: a closed set of Cypher keywords, never user text. */
export function orderKeywords(direction: 'ASC' | 'DESC', backward: boolean): { DIR: 'ASC' | 'DESC'; CMP: '>' | '<' } {
  const asc = (direction === 'ASC') !== backward;
  return asc ? { DIR: 'ASC', CMP: '>' } : { DIR: 'DESC', CMP: '<' };
}
