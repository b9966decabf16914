import { createHmac, timingSafeEqual } from 'node:crypto';
import { UnauthenticatedError } from '../errors';
import { Role, type Principal } from './roles';

/**
 * Verifies an HS256 JWT and maps its claims to a principal: `role` (one of Role), optional
 * `source` (PARTNER), `sub` as the name. Expired, not-yet-valid or badly signed tokens are refused.
 */
export function verifyJwt(token: string, secret: string, now = Date.now()): Principal {
  const [h, p, s] = token.split('.');
  let header: any, claims: any;
  try {
    header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
  } catch {
    throw new UnauthenticatedError('The bearer token is not a valid JWT');
  }
  if (header?.alg !== 'HS256') throw new UnauthenticatedError('Only HS256 JWTs are accepted');
  const expected = createHmac('sha256', secret).update(`${h}.${p}`).digest();
  const given = Buffer.from(s, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new UnauthenticatedError('The JWT signature is invalid');
  const t = Math.floor(now / 1000);
  if (typeof claims.exp === 'number' && t >= claims.exp) throw new UnauthenticatedError('The JWT has expired');
  if (typeof claims.nbf === 'number' && t < claims.nbf) throw new UnauthenticatedError('The JWT is not valid yet');
  if (!Object.values(Role).includes(claims.role)) throw new UnauthenticatedError(`The JWT's role claim must be one of ${Object.values(Role).join(', ')}`);
  if (claims.role === Role.PARTNER && typeof claims.source !== 'string') throw new UnauthenticatedError('A PARTNER JWT needs a source claim');
  return { role: claims.role, source: claims.role === Role.PARTNER ? claims.source : null, keyId: null, name: typeof claims.sub === 'string' ? claims.sub : null };
}
