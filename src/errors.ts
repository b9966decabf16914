import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** Every `extensions.code` the API can return (CONTRACT.md). */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** Base of the API's own errors: a code, a message a person can act on, optional details. */
export class AppError extends GraphQLError {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, ...details } });
    this.name = code;
  }
}

export interface InvalidField {
  /** Path of the offending argument, e.g. `input.name` or `actors.3.kind`. */
  field: string;
  message: string;
}

export class BadInputError extends AppError {
  constructor(message: string, invalid: InvalidField[] = []) {
    super(ErrorCode.BAD_USER_INPUT, message, invalid.length ? { field: invalid[0].field, invalid } : {});
  }
}
export class NotFoundError extends AppError {
  constructor(what: string, id: string) {
    super(ErrorCode.NOT_FOUND, `${what} ${JSON.stringify(id)} does not exist`, { id });
  }
}
export class ConflictError extends AppError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(ErrorCode.CONFLICT, message, details);
  }
}
export class UnauthenticatedError extends AppError {
  constructor(message = 'This operation needs an API key: send `Authorization: Bearer <key>`') {
    super(ErrorCode.UNAUTHENTICATED, message);
  }
}
export class ForbiddenError extends AppError {
  constructor(message: string, requiredRoles: string[] = []) {
    const says = requiredRoles.every((r) => message.includes(r));
    super(ErrorCode.FORBIDDEN, says ? message : `${message} (allowed to role ${requiredRoles.join(', ')})`, requiredRoles.length ? { requiredRoles } : {});
  }
}
export class ServiceUnavailableError extends AppError {
  constructor(message = 'The database is unavailable or overloaded; retry in a few seconds') {
    super(ErrorCode.SERVICE_UNAVAILABLE, message);
  }
}
export class QueryTooComplexError extends AppError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(ErrorCode.QUERY_TOO_COMPLEX, message, { ...details, http: { status: 400 } });
  }
}

/** Neo4j driver error codes meaning "the database cannot be reached right now". */
const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

/** The database cannot be reached right now (refused, closed or lost connections, no server). */
export function isUnreachable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown };
  const code = typeof e?.code === 'string' ? e.code : '';
  return UNAVAILABLE.has(code) || /Connection (was )?(closed|refused)|ECONNREFUSED|Pool is closed|Connection acquisition timed out/i.test(typeof e?.message === 'string' ? e.message : '');
}

/** Neo4j's codes for a transaction ended by its time limit. */
const TIMED_OUT = new Set(['Neo.ClientError.Transaction.TransactionTimedOut', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration']);
/** Neo4j's code for a transaction ended while it waited for a lock (its time limit, or a termination). */
const LOCK_WAIT_ENDED = 'Neo.ClientError.Transaction.LockClientStopped';

/** A transaction ended by its time limit, including while it waited for a lock. */
export function isTransactionTimeout(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && (TIMED_OUT.has(code) || code === LOCK_WAIT_ENDED);
}

/**
 * Maps anything thrown below the resolvers (driver errors, class-validator failures) to an AppError.
 * Never throws. Unknown errors are returned as they are and become INTERNAL_SERVER_ERROR in `formatError`.
 */
export function toAppError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  const e = err as { code?: string; message?: string; name?: string };
  const code = typeof e?.code === 'string' ? e.code : '';
  if (isUnreachable(err)) {
    return new ServiceUnavailableError();
  }
  if (code.startsWith('Neo.TransientError.')) {
    // Still failing after the driver's retries (deadlocks, lock waits, leader switches): overload.
    return new ServiceUnavailableError('The database is busy (transient error after retries); retry in a few seconds');
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ConflictError(duplicateMessage(e.message ?? ''));
  }
  if (code === LOCK_WAIT_ENDED) {
    // Ended while waiting for a lock (its time limit, or a termination): the others' writes held it.
    return new ServiceUnavailableError('The database is busy: the transaction was ended while it waited for a lock held by other writes; nothing was stored. Retry in a few seconds');
  }
  if (TIMED_OUT.has(code)) {
    return new QueryTooComplexError('The query ran longer than the database time limit (NEO4J_TX_TIMEOUT_MS); narrow its scope');
  }
  return err;
}

function duplicateMessage(driverMessage: string): string {
  const m = /property `?(\w+)`? = '([^']*)'/.exec(driverMessage) ?? /`(\w+)` = '([^']*)'/.exec(driverMessage);
  if (/externalId|source/.test(driverMessage)) {
    return 'A record with this (source, externalId) already exists';
  }
  return m ? `A record with ${m[1]} ${JSON.stringify(m[2])} already exists` : 'A record with these unique values already exists';
}

/**
 * Apollo `formatError`: known codes pass through; anything else is logged in full by the caller
 * and shown as INTERNAL_SERVER_ERROR without internals (stack traces only in development).
 */
export function formatError(formatted: GraphQLFormattedError, raw: unknown, dev: boolean, log?: (err: unknown) => void): GraphQLFormattedError {
  const original = raw instanceof GraphQLError ? (raw.originalError ?? raw) : raw;
  const mapped = toAppError(original);
  if (mapped instanceof AppError) {
    const { http: _http, ...extensions } = mapped.extensions;
    return { message: mapped.message, locations: formatted.locations, path: formatted.path, extensions };
  }
  const code = formatted.extensions?.code as string | undefined;
  if (code && code !== ErrorCode.INTERNAL_SERVER_ERROR && Object.values(ErrorCode).includes(code as ErrorCode)) {
    const { stacktrace: _s, ...rest } = formatted.extensions ?? {};
    return dev ? formatted : { ...formatted, extensions: rest };
  }
  if (code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED' || code === 'BAD_REQUEST' || code === 'PERSISTED_QUERY_NOT_FOUND' || code === 'PERSISTED_QUERY_NOT_SUPPORTED' || code === 'OPERATION_RESOLUTION_FAILURE') {
    // Malformed requests are the caller's to fix: keep Apollo's code, but say BAD_USER_INPUT-class.
    const { stacktrace: _s, ...rest } = formatted.extensions ?? {};
    return { ...formatted, extensions: dev ? formatted.extensions : rest };
  }
  const status = (original as GraphQLError | undefined)?.extensions?.http as { status?: number } | undefined;
  if (original instanceof GraphQLError && status?.status && status.status >= 400 && status.status < 500) {
    // Apollo's own request errors without a code (e.g. "provided sha does not match query" for a
    // persisted query): the caller's to fix, not an internal error.
    return { message: original.message, extensions: { code: 'BAD_REQUEST' } };
  }
  log?.(original);
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: dev ? { code: ErrorCode.INTERNAL_SERVER_ERROR, stacktrace: formatted.extensions?.stacktrace } : { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
