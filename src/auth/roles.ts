import { registerEnumType } from 'type-graphql';
import { ForbiddenError, UnauthenticatedError } from '../errors';

export enum Role {
  VIEWER = 'VIEWER',
  ANALYST = 'ANALYST',
  EDITOR = 'EDITOR',
  PARTNER = 'PARTNER',
  ADMIN = 'ADMIN',
}
registerEnumType(Role, { name: 'Role', description: 'What an API key may do (see the README, "Access").' });

/** Who is calling: anonymous, or the holder of a key (or JWT) with a role. */
export interface Principal {
  role: Role | 'ANONYMOUS';
  /** For PARTNER: the one source it may write. */
  source: string | null;
  keyId: string | null;
  name: string | null;
}

export const ANONYMOUS: Principal = { role: 'ANONYMOUS', source: null, keyId: null, name: null };

/** What a caller can be allowed to do; each maps to the roles that may. */
export const PERMISSIONS = {
  readPersonalData: [Role.EDITOR, Role.ADMIN],
  /** Confidential funding amounts (and the sums including them); PARTNER keys read their own source's too. */
  readConfidential: [Role.ANALYST, Role.EDITOR, Role.ADMIN],
  runAnalytics: [Role.ANALYST, Role.EDITOR, Role.ADMIN],
  write: [Role.EDITOR, Role.PARTNER, Role.ADMIN],
  writeAnySource: [Role.EDITOR, Role.ADMIN],
  sync: [Role.EDITOR, Role.PARTNER, Role.ADMIN],
  readChanges: [Role.EDITOR, Role.PARTNER, Role.ADMIN, Role.ANALYST],
  manageKeys: [Role.ADMIN],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function can(p: Principal, permission: Permission): boolean {
  return p.role !== 'ANONYMOUS' && (PERMISSIONS[permission] as readonly Role[]).includes(p.role);
}

/** Throws UNAUTHENTICATED (no key) or FORBIDDEN (wrong role), naming the roles that may. */
export function requirePermission(p: Principal, permission: Permission, what: string): void {
  if (can(p, permission)) return;
  const roles = PERMISSIONS[permission].join(', ');
  if (p.role === 'ANONYMOUS') throw new UnauthenticatedError(`${what} needs an API key with role ${roles}: send \`Authorization: Bearer <key>\``);
  throw new ForbiddenError(`${what} needs role ${roles}; this key has role ${p.role}`, [...PERMISSIONS[permission]]);
}

/**
 * The source a caller may write: PARTNER keys only their own (FORBIDDEN otherwise); EDITOR and
 * ADMIN any. Returns the source to enforce in queries, or null for "any".
 */
export function writableSource(p: Principal, target: string | null, what: string): string | null {
  requirePermission(p, 'write', what);
  if (p.role !== Role.PARTNER) return null;
  if (target != null && target !== p.source) {
    throw new ForbiddenError(`${what}: this PARTNER key may only write source ${JSON.stringify(p.source)}, not ${JSON.stringify(target)} (EDITOR or ADMIN may write any source)`, [Role.EDITOR, Role.ADMIN]);
  }
  return p.source;
}
