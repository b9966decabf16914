/**
 * What went wrong, in the page's language. The API's messages are English; the page says what the
 * error's `extensions.code` means for the analyst and keeps the API's own words as the detail
 * (shown on hover, and in `data-detail` for tests).
 */
import { ApiFailure, TransportError } from './api-errors';
import { t } from './i18n';

export interface Explained {
  /** In the page's language. */
  text: string;
  /** The API's or the browser's own words. */
  detail: string;
  code: string | null;
  /** The key itself was refused (unknown, revoked, malformed). */
  badKey: boolean;
}

const ROLES = /needs (?:an API key with )?role ([A-Z_]+(?:, [A-Z_]+)*)/;

export function explain(err: unknown, hasKey: boolean): Explained {
  const detail = err instanceof Error ? err.message : String(err);
  if (err instanceof TransportError) return { text: t('errors.network', { message: detail }), detail, code: null, badKey: false };
  if (!(err instanceof ApiFailure)) return { text: t('errors.unknown'), detail, code: null, badKey: false };
  const code = err.code;
  const roles = ROLES.exec(detail)?.[1]?.replace(/, (?=[A-Z_]+$)/, ` ${t('errors.or')} `) ?? 'ANALYST';
  const field = String(err.errors[0]?.extensions?.field ?? '');
  switch (code) {
    case 'UNAUTHENTICATED':
      return hasKey ? { text: t('errors.badKey'), detail, code, badKey: true } : { text: t('errors.needKey', { roles }), detail, code, badKey: false };
    case 'FORBIDDEN': {
      const role = /has role (\w+)/.exec(detail)?.[1];
      return { text: role ? t('errors.forbiddenRole', { roles, role }) : t('errors.forbidden'), detail, code, badKey: false };
    }
    case 'BAD_USER_INPUT':
      return { text: field ? t('errors.badInputField', { field }) : t('errors.badInput'), detail, code, badKey: false };
    case 'NOT_FOUND':
      return { text: t('errors.notFound'), detail, code, badKey: false };
    case 'QUERY_TOO_COMPLEX':
      return { text: t('errors.tooComplex'), detail, code, badKey: false };
    case 'SERVICE_UNAVAILABLE':
      return { text: t('errors.unavailable'), detail, code, badKey: false };
    default:
      return { text: t('errors.internal'), detail, code, badKey: false };
  }
}

export function isBadKey(err: unknown, hasKey: boolean): boolean {
  return hasKey && err instanceof ApiFailure && err.code === 'UNAUTHENTICATED';
}
