import { createHmac } from 'node:crypto';
import { verifyJwt } from '../../../src/auth/jwt';

const SECRET = 's'.repeat(40);
const NOW = Date.UTC(2026, 11, 1, 12);
const T = NOW / 1000;
const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const sign = (claims: unknown, header: object = { alg: 'HS256', typ: 'JWT' }) => {
  const h = enc(header);
  const p = enc(claims);
  return `${h}.${p}.${createHmac('sha256', SECRET).update(`${h}.${p}`).digest('base64url')}`;
};
const refusal = (claims: unknown, maxAgeS?: number): string => {
  try {
    verifyJwt(sign(claims), SECRET, { now: NOW, maxAgeS });
  } catch (err: any) {
    expect(err.extensions.code).toBe('UNAUTHENTICATED');
    return err.message;
  }
  throw new Error(`accepted ${JSON.stringify(claims)}`);
};

describe('verifyJwt', () => {
  it('maps a valid token to its principal', () => {
    expect(verifyJwt(sign({ role: 'PARTNER', source: 'cci-hdf', sub: 'cci', exp: T + 60 }), SECRET, { now: NOW })).toEqual({ role: 'PARTNER', source: 'cci-hdf', keyId: null, name: 'cci' });
    expect(verifyJwt(sign({ role: 'ANALYST', exp: T + 60, source: 'ignored' }), SECRET, { now: NOW }).source).toBeNull();
  });

  it('refuses exp, nbf and iat that are not NumericDates (a string or null never expired)', () => {
    for (const exp of [String(T - 10), null, 'never', true, [T - 10], { t: 1 }]) expect(refusal({ role: 'ADMIN', exp })).toMatch(/exp claim must be a number/);
    expect(refusal({ role: 'ADMIN', exp: T + 60, nbf: String(T + 3600) })).toMatch(/nbf claim must be a number/);
    expect(refusal({ role: 'ADMIN', exp: T + 60, iat: null })).toMatch(/iat claim must be a number/);
  });

  it('refuses tokens that would never expire', () => {
    expect(refusal({ role: 'ADMIN' })).toMatch(/needs an exp claim/);
    expect(refusal({ role: 'ADMIN', iat: T })).toMatch(/needs an exp claim/);
  });

  it('refuses expired and not-yet-valid tokens', () => {
    expect(refusal({ role: 'ADMIN', exp: T })).toMatch(/expired/);
    expect(refusal({ role: 'ADMIN', exp: T + 60, nbf: T + 30 })).toMatch(/not valid yet/);
  });

  it('caps the lifetime at AUTH_JWT_MAX_AGE_S after iat, with or without exp', () => {
    expect(verifyJwt(sign({ role: 'VIEWER', iat: T - 3599 }), SECRET, { now: NOW, maxAgeS: 3600 }).role).toBe('VIEWER');
    expect(refusal({ role: 'VIEWER', iat: T - 3600 }, 3600)).toMatch(/older than 3600 s \(AUTH_JWT_MAX_AGE_S\)/);
    expect(refusal({ role: 'VIEWER', iat: T - 7200, exp: T + 3600 * 24 * 365 }, 3600)).toMatch(/older than 3600 s/);
    expect(refusal({ role: 'VIEWER', exp: T + 60 }, 3600)).toMatch(/needs an iat claim/);
    expect(refusal({ role: 'VIEWER', iat: T + 3600 }, 3600)).toMatch(/issued in the future/);
    expect(refusal({ role: 'VIEWER', iat: T - 10, exp: T - 1 }, 3600)).toMatch(/expired/);
  });

  it("validates a PARTNER's source with the sync source pattern", () => {
    for (const source of ['', 'Not A Source!', ' partner', 'a'.repeat(65), '-lead', 'ÉCOLE', 5, null, undefined]) {
      expect(refusal({ role: 'PARTNER', source, exp: T + 60 })).toMatch(/PARTNER JWT needs a source claim/);
    }
  });

  it('refuses bad signatures, other algorithms and payloads that are not objects', () => {
    expect(refusal(null)).toMatch(/JSON object/);
    expect(refusal([1])).toMatch(/JSON object/);
    expect(refusal('ADMIN')).toMatch(/JSON object/);
    const forged = sign({ role: 'ADMIN', exp: T + 60 }).slice(0, -2) + 'xx';
    expect(() => verifyJwt(forged, SECRET, { now: NOW })).toThrow(/signature is invalid/);
    expect(() => verifyJwt(sign({ role: 'ADMIN', exp: T + 60 }, { alg: 'none' }), SECRET, { now: NOW })).toThrow(/Only HS256/);
    expect(() => verifyJwt('a.b.', SECRET, { now: NOW })).toThrow(/not a valid JWT|signature/);
  });
});
