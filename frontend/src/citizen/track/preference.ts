import type { FieldError } from '../../lib/http';
import { isValidEmail, MAX, normaliseUkPhone } from '../report/validation';
import { CHANNELS, FREQUENCIES, type Channel, type Frequency } from '../report/model';
import type { RequestOf } from '../../api/contract';
import { t } from '../../i18n';

/** The "change how you get updates" form; mirrors the server's checks (Victims' Code Right 6). */
export interface Preference {
  updateChannel: string;
  updateFrequency: string;
  email: string;
  phone: string;
}

export type PreferenceRequest = RequestOf<'/api/v1/cases/{reference}/update-preference', 'put'>;

/** A UK mobile: 07 and 9 more digits once spaces and +44 are taken away. */
export function isUkMobile(value: string): boolean {
  return /^07\d{9}$/.test(normaliseUkPhone(value) ?? '');
}

export function validatePreference(p: Preference): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => errors.push({ field, message });
  const ch = p.updateChannel;
  if (!CHANNELS.some((c) => c.value === ch)) add('updateChannel', t('validation.channelRequired'));
  if (ch === 'EMAIL') {
    if (!p.email.trim()) add('updateEmail', t('validation.updateEmailRequired'));
    else if (p.email.length > MAX.email) add('updateEmail', t('validation.emailTooLong', { max: MAX.email }));
    else if (!isValidEmail(p.email)) add('updateEmail', t('validation.emailFormat'));
  }
  if (ch === 'SMS') {
    if (!p.phone.trim()) add('updatePhone', t('validation.updateMobileRequired'));
    else if (!isUkMobile(p.phone)) add('updatePhone', t('validation.mobileFormat'));
  }
  if (ch === 'PHONE') {
    if (!p.phone.trim()) add('updatePhone', t('validation.updatePhoneRequired'));
    else if (!normaliseUkPhone(p.phone)) add('updatePhone', t('validation.phoneFormat'));
  }
  if (!FREQUENCIES.some((f) => f.value === p.updateFrequency)) add('updateFrequency', t('validation.frequencyRequired'));
  return errors;
}

/** Only the contact detail the chosen channel needs is sent; sent once validatePreference passes. */
export function toPreferenceRequest(p: Preference): PreferenceRequest {
  const phone = normaliseUkPhone(p.phone) ?? p.phone.trim();
  return {
    updateChannel: p.updateChannel as Channel,
    updateFrequency: p.updateFrequency as Frequency,
    ...(p.updateChannel === 'EMAIL' ? { email: p.email.trim() } : {}),
    ...(p.updateChannel === 'SMS' || p.updateChannel === 'PHONE' ? { phone } : {}),
  };
}

/** The server names the fields `email` and `phone`; on this page they are `updateEmail` and `updatePhone`. */
export const pageField = (e: FieldError): FieldError => ({
  ...e,
  field: ({ email: 'updateEmail', phone: 'updatePhone' } as Record<string, string>)[e.field] ?? e.field,
});
