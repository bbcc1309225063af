import type { FieldError } from '../../lib/http';
import type { AnswerOf } from '../../api/contract';

export const NOT_FOUND = 'We could not find a report with that reference and tracking code';

/** Turns a Retry-After header (seconds) into words; unknown values still tell the user to wait. */
export function tooManyMessage(retryAfter: string | null): string {
  const seconds = Number(retryAfter);
  if (!retryAfter || !Number.isFinite(seconds) || seconds <= 0) return 'Too many attempts. Try again later.';
  if (seconds < 60) return `Too many attempts. Try again in ${Math.ceil(seconds)} second${seconds <= 1 ? '' : 's'}.`;
  const minutes = Math.ceil(seconds / 60);
  return `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

export const normaliseReference = (v: string) => v.trim().toUpperCase();

export const CODE_FORMAT = 'Enter the tracking code exactly as we gave it to you, like 7KQ4-M2XP-9HTD';
/** Twelve symbols from the code alphabet (no 0, O, 1, I or L); dashes, spaces and case do not matter. */
export const isWellFormedCode = (v: string) => /^[2-9A-HJKMNP-Z]{12}$/.test(v.toUpperCase().replace(/[\s-]/g, ''));
export const normaliseCode = (v: string) => v.trim().toUpperCase().replace(/\s+/g, '');

export function validateTrack(reference: string, code: string): FieldError[] {
  const errors: FieldError[] = [];
  const ref = normaliseReference(reference);
  if (!ref) errors.push({ field: 'reference', message: 'Enter your reference number' });
  else if (!/^BL-\d{4}-\d{6}$/.test(ref))
    errors.push({ field: 'reference', message: 'Enter a reference number in the correct format, like BL-2026-000123' });
  if (!normaliseCode(code)) errors.push({ field: 'trackingCode', message: 'Enter your tracking code' });
  else if (!isWellFormedCode(code)) errors.push({ field: 'trackingCode', message: CODE_FORMAT });
  return errors;
}

export type Tracking = AnswerOf<'/api/v1/cases/{reference}/tracking', 'get', 200>;

const caseUrl = (ref: string, rest: string) => `/api/v1/cases/${encodeURIComponent(ref)}/${rest}`;
export const trackingUrl = (ref: string) => caseUrl(ref, 'tracking');
export const preferenceUrl = (ref: string) => caseUrl(ref, 'update-preference');
export const messagesUrl = (ref: string) => caseUrl(ref, 'messages');
export const evidenceUrl = (ref: string) => caseUrl(ref, 'evidence');
