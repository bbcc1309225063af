import type { FieldError } from '../../lib/http';
import type { RequestOf } from '../../api/contract';
import limits from '../../api/limits.json';
import { t } from '../../i18n';
import { CATEGORIES, CHANNELS, FREQUENCIES, PAGES, type Category, type Channel, type Frequency, type ReportData } from './model';

/** The server's limits (ReportForm in the contract): the form says the same as the server would. */
export const MAX = limits.ReportForm;

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function isValidEmail(value: string): boolean {
  return EMAIL.test(value.trim());
}

/** UK numbers: 10 or 11 digits starting 0, or the same after +44 / 0044; spaces, dashes and brackets allowed. */
export function normaliseUkPhone(value: string): string | null {
  const compact = value.trim().replace(/[\s\-().]/g, '');
  const national = compact.replace(/^(\+44|0044)0?/, '0');
  return /^0\d{9,10}$/.test(national) ? national : null;
}

export interface DateError extends FieldError {
  parts: ('day' | 'month' | 'year')[];
}

/** GOV.UK date input rules: all parts present, a real date, and not in the future. */
export function validateDate(d: { day: string; month: string; year: string }, today: Date): DateError | null {
  const day = d.day.trim();
  const month = d.month.trim();
  const year = d.year.trim();
  const missing = (['day', 'month', 'year'] as const).filter((k) => !{ day, month, year }[k]);
  if (missing.length === 3) return { field: 'occurredOn-day', message: t('validation.dateRequired'), parts: [] };
  if (missing.length) {
    const part = (k: string) => t(`validation.date${k[0].toUpperCase()}${k.slice(1)}`);
    const words = missing.length === 2 ? t('validation.dateAnd', { first: part(missing[0]), second: part(missing[1]) }) : part(missing[0]);
    return { field: `occurredOn-${missing[0]}`, message: t('validation.dateMissing', { parts: words }), parts: missing };
  }
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
    const bad = (['day', 'month', 'year'] as const).filter((k) => !(k === 'year' ? /^\d{4}$/ : /^\d{1,2}$/).test({ day, month, year }[k]));
    const message = bad.length === 1 && bad[0] === 'year' ? t('validation.dateYearDigits') : t('validation.dateReal');
    return { field: `occurredOn-${bad[0]}`, message, parts: bad };
  }
  const y = Number(year);
  const m = Number(month);
  const dd = Number(day);
  const date = new Date(Date.UTC(y, m - 1, dd));
  if (m < 1 || m > 12 || dd < 1 || date.getUTCDate() !== dd || date.getUTCMonth() !== m - 1) {
    return { field: 'occurredOn-day', message: t('validation.dateReal'), parts: [] };
  }
  const todayUtc = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  if (date.getTime() > todayUtc) {
    return { field: 'occurredOn-day', message: t('validation.dateFuture'), parts: [] };
  }
  if (y < 1900) return { field: 'occurredOn-year', message: t('validation.dateEarly'), parts: ['year'] };
  return null;
}

export function isoDate(r: ReportData): string {
  return `${r.year.trim()}-${r.month.trim().padStart(2, '0')}-${r.day.trim().padStart(2, '0')}`;
}

type Check = [boolean, string, string];
const collect = (checks: Check[]): FieldError[] => checks.filter(([failed]) => failed).map(([, field, message]) => ({ field, message }));

export function validateDanger(r: ReportData): FieldError[] {
  return collect([[!r.anyoneInDanger, 'anyoneInDanger', t('danger.required')]]);
}

export function validateWhat(r: ReportData): FieldError[] {
  const text = r.description.trim();
  return collect([
    [!CATEGORIES.some((c) => c.value === r.category), 'category', t('validation.categoryRequired')],
    [!text, 'description', t('validation.descriptionRequired')],
    [r.description.length > MAX.description, 'description', t('validation.descriptionTooLong', { max: MAX.description })],
  ]);
}

export function validateWhere(r: ReportData): FieldError[] {
  return collect([
    [!r.location.trim(), 'location', t('validation.locationRequired')],
    [r.location.length > MAX.location, 'location', t('validation.locationTooLong', { max: MAX.location })],
  ]);
}

export function validateWhen(r: ReportData, today = new Date()): FieldError[] {
  const dateError = validateDate(r, today);
  return [
    ...(dateError ? [dateError] : []),
    ...collect([[r.occurredTime.length > MAX.occurredTime, 'occurredTime', t('validation.timeTooLong', { max: MAX.occurredTime })]]),
  ];
}

function emailErrors(r: ReportData, field: string): Check[] {
  return [
    [r.email.length > MAX.email, field, t('validation.emailTooLong', { max: MAX.email })],
    [!!r.email.trim() && !isValidEmail(r.email), field, t('validation.emailFormat')],
  ];
}

function phoneErrors(r: ReportData, field: string): Check[] {
  return [[!!r.phone.trim() && !normaliseUkPhone(r.phone), field, t('validation.phoneFormat')]];
}

export function validateAbout(r: ReportData): FieldError[] {
  return collect([
    [!r.giveName, 'giveName', t('validation.giveNameRequired')],
    [r.giveName === 'yes' && !r.name.trim(), 'name', t('validation.nameRequired')],
    [r.giveName === 'yes' && r.name.length > MAX.name, 'name', t('validation.nameTooLong', { max: MAX.name })],
    ...emailErrors(r, 'email'),
    ...phoneErrors(r, 'phone'),
  ]);
}

export function validateUpdates(r: ReportData): FieldError[] {
  const ch = r.updateChannel;
  return collect([
    [!CHANNELS.some((c) => c.value === ch), 'updateChannel', t('validation.channelRequired')],
    [ch === 'EMAIL' && !r.email.trim(), 'updateEmail', t('validation.updateEmailRequired')],
    ...(ch === 'EMAIL' ? emailErrors(r, 'updateEmail') : []),
    [(ch === 'SMS' || ch === 'PHONE') && !r.phone.trim(), 'updatePhone', t('validation.updatePhoneRequired')],
    ...(ch === 'SMS' || ch === 'PHONE' ? phoneErrors(r, 'updatePhone') : []),
    [!FREQUENCIES.some((f) => f.value === r.updateFrequency), 'updateFrequency', t('validation.frequencyRequired')],
  ]);
}

/** Which page a field lives on, so errors on the check page (ours or the server's) link to it. */
export const FIELD_PAGE: Record<string, string> = {
  anyoneInDanger: PAGES.danger,
  category: PAGES.what,
  description: PAGES.what,
  location: PAGES.where,
  occurredOn: PAGES.when,
  occurredTime: PAGES.when,
  giveName: PAGES.about,
  name: PAGES.about,
  email: PAGES.about,
  phone: PAGES.about,
  updateChannel: PAGES.updates,
  updateFrequency: PAGES.updates,
  updateEmail: PAGES.updates,
  updatePhone: PAGES.updates,
};

/** Turns a field error into a link to the page that holds the field. */
export function linkToPage(e: FieldError): FieldError {
  const base = e.field.split('-')[0];
  const page = FIELD_PAGE[base] ?? FIELD_PAGE[e.field];
  const anchor = base === 'occurredOn' ? 'occurredOn-day' : e.field;
  return { field: page ? `${page}?change=1#${anchor}` : e.field, message: e.message };
}

export function validateAll(r: ReportData, today = new Date()): FieldError[] {
  const all = [
    ...validateDanger(r),
    ...(r.anyoneInDanger === 'yes' ? [{ field: 'anyoneInDanger', message: t('danger.callNow') }] : []),
    ...validateWhat(r),
    ...validateWhere(r),
    ...validateWhen(r, today),
    ...validateAbout(r),
    ...validateUpdates(r),
  ];
  // A bad email is checked on two pages; say it once.
  return all.filter((e, i) => all.findIndex((o) => o.message === e.message) === i);
}

export type ReportRequest = RequestOf<'/api/v1/reports', 'post'>;

const optional = (v: string) => (v.trim() ? v.trim() : undefined);

/** Sent only once validateAll passes, so the choices are among the server's values. */
export function toRequest(r: ReportData): ReportRequest {
  return {
    category: r.category as Category,
    description: r.description.trim(),
    location: r.location.trim(),
    occurredOn: isoDate(r),
    occurredTime: optional(r.occurredTime),
    anyoneInDanger: r.anyoneInDanger === 'yes',
    name: r.giveName === 'yes' ? optional(r.name) : undefined,
    email: optional(r.email),
    phone: r.phone.trim() ? (normaliseUkPhone(r.phone) ?? r.phone.trim()) : undefined,
    updateChannel: r.updateChannel as Channel,
    updateFrequency: r.updateFrequency as Frequency,
  };
}
