import { createHmac } from 'node:crypto';
import { hostAllowed, retryDelayMs, signatureOf, urlProblem, verifySignature } from '../../../src/webhooks/webhook.rules';

describe('webhook signature', () => {
  it('is sha256= and the hex HMAC-SHA256 of the raw body (RFC 4231 test case 2)', () => {
    expect(signatureOf('what do ya want for nothing?', 'Jefe')).toBe('sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    const body = '{"webhook":"whk_1","events":[]}';
    expect(signatureOf(body, 's')).toBe(`sha256=${createHmac('sha256', 's').update(body).digest('hex')}`);
  });
  it('verifies only the exact body with the exact secret', () => {
    const sig = signatureOf('{"a":1}', 'k');
    expect(verifySignature('{"a":1}', 'k', sig)).toBe(true);
    expect(verifySignature('{"a": 1}', 'k', sig)).toBe(false);
    expect(verifySignature('{"a":1}', 'k2', sig)).toBe(false);
    expect(verifySignature('{"a":1}', 'k', undefined)).toBe(false);
    expect(verifySignature('{"a":1}', 'k', 'sha256=00')).toBe(false);
  });
});

describe('retry schedule', () => {
  it('doubles from the base up to the cap, between half and all of it', () => {
    expect([1, 2, 3, 4, 5, 6].map((f) => retryDelayMs(f, 1000, 10_000, () => 0))).toEqual([500, 1000, 2000, 4000, 5000, 5000]);
    expect([1, 2, 3, 4, 5, 6].map((f) => retryDelayMs(f, 1000, 10_000, () => 1))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
  });
});

describe('webhook URLs', () => {
  it('takes http(s) URLs without credentials', () => {
    expect(urlProblem('https://partner.example/hooks', [])).toBeNull();
    expect(urlProblem('http://127.0.0.1:8080/x', [])).toBeNull();
    expect(urlProblem('ftp://partner.example/', [])).toMatch(/http:\/\/ or https:\/\//);
    expect(urlProblem('javascript:alert(1)', [])).toMatch(/http:\/\/ or https:\/\//);
    expect(urlProblem('partner.example/hooks', [])).toMatch(/not an absolute URL/);
    expect(urlProblem('https://u:p@partner.example/', [])).toMatch(/credentials/);
    expect(urlProblem(`https://partner.example/${'x'.repeat(2100)}`, [])).toMatch(/2,048/);
  });
  it('restricts hosts to the allow-list: exact names and *.domain (not the domain itself, not look-alikes)', () => {
    const allowed = ['hooks.example.org', '*.partner.example'];
    expect(hostAllowed('hooks.example.org', allowed)).toBe(true);
    expect(hostAllowed('HOOKS.example.org', allowed)).toBe(true);
    expect(hostAllowed('a.b.partner.example', allowed)).toBe(true);
    expect(hostAllowed('partner.example', allowed)).toBe(false);
    expect(hostAllowed('evilpartner.example', allowed)).toBe(false);
    expect(hostAllowed('hooks.example.org.evil.example', allowed)).toBe(false);
    expect(urlProblem('https://127.0.0.1/', allowed)).toMatch(/WEBHOOK_ALLOWED_HOSTS/);
    expect(hostAllowed('anything', [])).toBe(true);
  });
});
