import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../db/database';
import { isValidSource, SOURCE_RULE } from '../model/field';
import { BadInputError, UnauthenticatedError } from '../errors';
import { ANONYMOUS, Role, type Principal } from './roles';
import { verifyJwt } from './jwt';

const SECRET_PREFIX = 'agk_';
/** How long a resolved key is trusted before it is looked up again (revocation delay). */
const CACHE_MS = 5_000;

export const hashSecret = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

export interface CreatedKey {
  id: string;
  secret: string;
  role: Role;
  source: string | null;
  name: string | null;
}

/** Creates an API key; the secret is returned once and only its hash is stored. */
export async function createKey(db: Database, role: Role, source: string | null, name: string | null): Promise<CreatedKey> {
  if (!Object.values(Role).includes(role)) throw new BadInputError(`Unknown role ${role}; use one of ${Object.values(Role).join(', ')}`);
  if (role === Role.PARTNER && !source) throw new BadInputError('A PARTNER key is bound to one source: pass --source');
  if (role !== Role.PARTNER && source) throw new BadInputError('Only PARTNER keys are bound to a source');
  if (source && !isValidSource(source)) throw new BadInputError(`source must be ${SOURCE_RULE}`);
  const secret = SECRET_PREFIX + randomBytes(24).toString('base64url');
  const id = 'key_' + randomBytes(8).toString('hex');
  await db.executor({ op: 'createKey' }).write((tx) => tx.run('auth/create-key', { id, hash: hashSecret(secret), prefix: secret.slice(0, 12), role, source, name }));
  return { id, secret, role, source, name };
}

export async function revokeKey(db: Database, ref: string): Promise<boolean> {
  const rows = await db.executor({ op: 'revokeKey' }).write((tx) => tx.run('auth/revoke-key', { ref }));
  return rows.length > 0;
}

export async function listKeys(db: Database): Promise<Record<string, unknown>[]> {
  return (await db.executor({ op: 'listKeys' }).read('auth/list-keys')).map((r) => r.key);
}

/** Resolves `Authorization` headers to a principal, with a short cache so a request costs no lookup. */
export class KeyResolver {
  private cache = new Map<string, { principal: Principal; at: number }>();

  constructor(
    private readonly db: Database,
    private readonly jwtSecret: string | undefined,
    private readonly jwtMaxAgeS?: number,
  ) {}

  async resolve(header: string | undefined): Promise<Principal> {
    if (!header) return ANONYMOUS;
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m) throw new UnauthenticatedError('The Authorization header must be `Bearer <key>`');
    const token = m[1];
    if (!token.startsWith(SECRET_PREFIX) && token.split('.').length === 3) {
      if (!this.jwtSecret) throw new UnauthenticatedError('JWT bearer tokens are not enabled on this server (set AUTH_JWT_SECRET)');
      return verifyJwt(token, this.jwtSecret, { maxAgeS: this.jwtMaxAgeS });
    }
    const hash = hashSecret(token);
    const hit = this.cache.get(hash);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.principal;
    const [row] = await this.db.executor({ op: 'auth' }).read('auth/key-by-hash', { hash });
    if (!row) throw new UnauthenticatedError('This API key is unknown or revoked');
    const principal: Principal = { role: row.key.role as Role, source: row.key.source ?? null, keyId: row.key.id, name: row.key.name ?? null };
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(hash, { principal, at: Date.now() });
    return principal;
  }
}
