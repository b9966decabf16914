/** The API's error shapes and the page's error classes (no DOM: unit-testable). */
export interface GraphQLErrorItem {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [k: string]: unknown };
}

export interface GraphQLResult<T> {
  data: Partial<T> | null;
  errors: GraphQLErrorItem[];
  status: number;
}

/** Codes the API uses when the caller's role may not do something. */
export const ACCESS_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);

/** Something the API refused or failed, to localize by its code. */
export class ApiFailure extends Error {
  constructor(
    readonly errors: GraphQLErrorItem[],
    readonly access: boolean,
  ) {
    super(errors.map((e) => e.message).join(' — ') || 'error');
  }

  get code(): string | null {
    return String(this.errors[0]?.extensions?.code ?? '') || null;
  }
}

/** Thrown only when the server cannot be reached or answers something that is not GraphQL. */
export class TransportError extends Error {}

/** The errors about one root field (by alias or name). */
export function errorsFor(result: GraphQLResult<unknown>, field: string): GraphQLErrorItem[] {
  return result.errors.filter((e) => e.path?.[0] === field || !e.path);
}

/** True when the only reason for the errors is the caller's role. */
export function isAccessError(errors: GraphQLErrorItem[]): boolean {
  return errors.length > 0 && errors.every((e) => ACCESS_CODES.has(String(e.extensions?.code)));
}
