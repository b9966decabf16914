import { createHmac, timingSafeEqual } from 'node:crypto';
import { UnauthenticatedError } from '../errors';
import { isValidSource } from '../model/field';
import { Role, type Principal } from './roles';

export interface JwtOptions {
  /** Milliseconds since the epoch; the current time by default. */
  now?: number;
  /** AUTH_JWT_MAX_AGE_S: a token lives at most this long after its `iat`, whatever its `exp` says. */
  maxAgeS?: number;
}

/** A JWT NumericDate: seconds since the epoch, a finite number (RFC 7519 §2). */
const isNumericDate = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Clock skew allowed between the token's issuer and this server, for `iat`. */
const SKEW_S = 60;

/**
 * Verifies an HS256 JWT and maps its claims to a principal: `role` (one of Role), `source`
 * (PARTNER, a valid sync source), `sub` as the name. Refused: bad signatures, other algorithms,
 * `exp`/`nbf`/`iat` that are not NumericDates, expired or not-yet-valid tokens, and tokens that
 * would never expire — without `exp`, or, when `maxAgeS` is set, without `iat` or older than it.
 */
export function verifyJwt(token: string, secret: string, options: JwtOptions = {}): Principal {
  const now = options.now ?? Date.now();
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
  const given = Buffer.from(s ?? '', 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new UnauthenticatedError('The JWT signature is invalid');
  if (claims === null || typeof claims !== 'object' || Array.isArray(claims)) throw new UnauthenticatedError('The JWT payload must be a JSON object of claims');
  for (const claim of ['exp', 'nbf', 'iat'] as const) {
    if (claims[claim] !== undefined && !isNumericDate(claims[claim])) throw new UnauthenticatedError(`The JWT's ${claim} claim must be a number of seconds since 1970 (a NumericDate)`);
  }
  const t = Math.floor(now / 1000);
  if (options.maxAgeS !== undefined) {
    if (claims.iat === undefined) throw new UnauthenticatedError(`The JWT needs an iat claim (issued-at): this server accepts tokens at most ${options.maxAgeS} s old (AUTH_JWT_MAX_AGE_S)`);
    if (claims.iat > t + SKEW_S) throw new UnauthenticatedError('The JWT was issued in the future (iat); check the issuer\'s clock');
    if (t >= claims.iat + options.maxAgeS) throw new UnauthenticatedError(`The JWT is older than ${options.maxAgeS} s (AUTH_JWT_MAX_AGE_S); get a new one`);
  } else if (claims.exp === undefined) {
    throw new UnauthenticatedError('The JWT needs an exp claim (expiry): tokens that never expire are refused');
  }
  if (claims.exp !== undefined && t >= claims.exp) throw new UnauthenticatedError('The JWT has expired');
  if (claims.nbf !== undefined && t < claims.nbf) throw new UnauthenticatedError('The JWT is not valid yet');
  if (!Object.values(Role).includes(claims.role)) throw new UnauthenticatedError(`The JWT's role claim must be one of ${Object.values(Role).join(', ')}`);
  if (claims.role === Role.PARTNER && (typeof claims.source !== 'string' || !isValidSource(claims.source))) {
    throw new UnauthenticatedError('A PARTNER JWT needs a source claim: 1-64 lowercase letters, digits, _ . - (starting with a letter or digit), as sync sources are');
  }
  return { role: claims.role, source: claims.role === Role.PARTNER ? claims.source : null, keyId: null, name: typeof claims.sub === 'string' ? claims.sub : null };
}
