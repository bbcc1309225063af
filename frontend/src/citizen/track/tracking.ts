import type { FieldError } from '../../lib/http';
import type { AnswerOf } from '../../api/contract';
import { t } from '../../i18n';

export const notFound = () => t('validation.notFound');

/** Turns a Retry-After header (seconds) into words; unknown values still tell the user to wait. */
export function tooManyMessage(retryAfter: string | null): string {
  const seconds = Number(retryAfter);
  if (!retryAfter || !Number.isFinite(seconds) || seconds <= 0) return t('validation.tooMany');
  if (seconds < 60) return t('validation.tooManySeconds', { count: Math.ceil(seconds) });
  return t('validation.tooManyMinutes', { count: Math.ceil(seconds / 60) });
}

export const normaliseReference = (v: string) => v.trim().toUpperCase();

export const codeFormat = () => t('validation.codeFormat');
/** Twelve symbols from the code alphabet (no 0, O, 1, I or L); dashes, spaces and case do not matter. */
export const isWellFormedCode = (v: string) => /^[2-9A-HJKMNP-Z]{12}$/.test(v.toUpperCase().replace(/[\s-]/g, ''));
export const normaliseCode = (v: string) => v.trim().toUpperCase().replace(/\s+/g, '');

export function validateTrack(reference: string, code: string): FieldError[] {
  const errors: FieldError[] = [];
  const ref = normaliseReference(reference);
  if (!ref) errors.push({ field: 'reference', message: t('validation.referenceRequired') });
  else if (!/^BL-\d{4}-\d{6}$/.test(ref)) errors.push({ field: 'reference', message: t('validation.referenceFormat') });
  if (!normaliseCode(code)) errors.push({ field: 'trackingCode', message: t('validation.codeRequired') });
  else if (!isWellFormedCode(code)) errors.push({ field: 'trackingCode', message: codeFormat() });
  return errors;
}

export type Tracking = AnswerOf<'/api/v1/cases/{reference}/tracking', 'get', 200>;

const caseUrl = (ref: string, rest: string) => `/api/v1/cases/${encodeURIComponent(ref)}/${rest}`;
export const trackingUrl = (ref: string) => caseUrl(ref, 'tracking');
export const preferenceUrl = (ref: string) => caseUrl(ref, 'update-preference');
export const messagesUrl = (ref: string) => caseUrl(ref, 'messages');
export const evidenceUrl = (ref: string) => caseUrl(ref, 'evidence');
