import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** `sha256=<hex HMAC-SHA256 of the raw body with the secret>`: the X-Agencement-Signature header. */
export function signatureOf(body: string | Buffer, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** True when `header` is the signature of `body` (constant-time comparison). */
export function verifySignature(body: string | Buffer, secret: string, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signatureOf(body, secret));
  const got = Buffer.from(header);
  return got.length === expected.length && timingSafeEqual(got, expected);
}

/** A new webhook secret: 32 random bytes, shown once to its creator. */
export const newSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

/**
 * Delay before the next attempt after `failures` consecutive failures: exponential from `baseMs`,
 * capped at `maxMs`, with "equal jitter" (half fixed, half random) so that receivers coming back
 * are not hit by every instance at once and a retry never comes immediately.
 */
export function retryDelayMs(failures: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

/** Whether `host` is allowed by a WEBHOOK_ALLOWED_HOSTS list (`host`, `*.domain`); empty list: any. */
export function hostAllowed(host: string, allowed: readonly string[]): boolean {
  if (allowed.length === 0) return true;
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return allowed.some((a) => (a.startsWith('*.') ? h.endsWith(a.slice(1)) && h.length > a.length - 1 : h === a));
}

/** What is wrong with a webhook URL, or null: http(s) only, no credentials, a host the operator allows. */
export function urlProblem(raw: string, allowed: readonly string[]): string | null {
  if (raw.length > 2048) return 'is longer than 2,048 characters';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not an absolute URL (e.g. https://partner.example.org/hooks/agencement)';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `must be http:// or https://, not ${url.protocol}//`;
  if (url.username || url.password) return 'must not carry credentials (user:password@): verify the X-Agencement-Signature header instead';
  if (!hostAllowed(url.hostname, allowed)) return `host ${JSON.stringify(url.hostname)} is not allowed by this server (WEBHOOK_ALLOWED_HOSTS: ${allowed.join(', ')})`;
  return null;
}
