import { currentLanguage, t } from '../i18n';

export interface FieldError {
  field: string;
  message: string;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Headers,
  ) {
    super(`HTTP ${status}`);
  }
}

const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];

/** Whether this request needs the CSRF token added here (a write whose caller did not add one). */
function needsCsrf(init: RequestInit): boolean {
  if (SAFE_METHODS.includes((init.method ?? 'GET').toUpperCase())) return false;
  return !((init.headers ?? {}) as Record<string, string>)['X-XSRF-TOKEN'];
}

/** Every state-changing request echoes the CSRF cookie, public ones included. */
async function withCsrf(init: RequestInit, refresh = false): Promise<RequestInit> {
  if (!needsCsrf(init)) return init;
  return { ...init, headers: { ...((init.headers ?? {}) as Record<string, string>), 'X-XSRF-TOKEN': await xsrfToken(refresh) } };
}

/** The server's signed token: __Host-XSRF-TOKEN behind HTTPS, XSRF-TOKEN on the plain-http demo. */
export const csrfCookie = () => readCookie('__Host-XSRF-TOKEN') ?? readCookie('XSRF-TOKEN');

/** Spring Security sets the CSRF cookie on any GET; /me does that even when it answers 401. */
export async function xsrfToken(refresh = false): Promise<string> {
  let token = refresh ? undefined : csrfCookie();
  if (!token) {
    await fetch('/api/v1/staff/me', { credentials: 'same-origin' });
    token = csrfCookie();
  }
  return token ?? '';
}

/** The server words its answers (field errors above all) in the language the pages are in. */
const inLanguage = (init: RequestInit): RequestInit => ({
  ...init,
  headers: { 'Accept-Language': currentLanguage(), ...((init.headers ?? {}) as Record<string, string>) },
});

export async function request<T>(url: string, init: RequestInit = {}): Promise<T> {
  let res = await fetch(url, { credentials: 'same-origin', ...inLanguage(await withCsrf(init)) });
  // A token signed for another session (one that began or ended since) is refused: once more with a fresh one.
  if (res.status === 403 && needsCsrf(init)) res = await fetch(url, { credentials: 'same-origin', ...inLanguage(await withCsrf(init, true)) });
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  if (!res.ok) {
    if (res.status === 401 && isStaffCall(url)) window.dispatchEvent(new Event(SIGNED_OUT));
    throw new HttpError(res.status, body, res.headers);
  }
  return body as T;
}

/** Sent on window when the staff session has ended under a page (StaffArea asks to sign in again). */
export const SIGNED_OUT = 'bluelamp:signed-out';
/** Staff calls, bar the ones that ask whether anyone is signed in at all. */
const isStaffCall = (url: string) =>
  url.startsWith('/api/v1/staff/') && !url.startsWith('/api/v1/staff/me') && !url.startsWith('/api/v1/staff/login');

export function readCookie(name: string): string | undefined {
  const match = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
  return match ? decodeURIComponent(match.slice(name.length + 1)) : undefined;
}

// Dates in the language of the page: 5 December 2026, or 5 Rhagfyr 2026.
const dateFormats = {
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }),
  cy: new Intl.DateTimeFormat('cy', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }),
};
// h12, not hour12: en-GB's 12-hour clock would otherwise say 0:05pm for five past noon. The am/pm
// comes from the translations (yb/yh in Welsh), which Intl does not have for Welsh.
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hourCycle: 'h12', timeZone: 'Europe/London' });
const hourOfDay = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone: 'Europe/London' });

export const formatDate = (iso: string) => dateFormats[currentLanguage()].format(new Date(iso));
/** GOV.UK style: 9:05am, 12:30pm, and midday and midnight by name (9:05yb, canol dydd in Welsh). */
export const formatTime = (iso: string) => {
  const date = new Date(iso);
  const time = timeFormat
    .formatToParts(date)
    .filter((p) => p.type === 'hour' || p.type === 'minute' || p.type === 'literal')
    .map((p) => p.value)
    .join('')
    .trim();
  const afternoon = Number(hourOfDay.format(date)) >= 12;
  if (time === '12:00') return t(afternoon ? 'time.midday' : 'time.midnight');
  return `${time}${t(afternoon ? 'time.pm' : 'time.am')}`;
};
/** GOV.UK style: 5 December 2026 at 9:05am. */
export const formatDateTime = (iso: string) => t('time.dateAtTime', { date: formatDate(iso), time: formatTime(iso) });

/** JSON in, JSON out; `body` undefined sends no body. */
export const sendJson = <T>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
  request<T>(url, {
    method,
    headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** The per-field errors of a 400 answer, none for an ended session, or one general error for anything else. */
export function fieldErrors(e: unknown): FieldError[] {
  const body = e instanceof HttpError ? (e.body as { errors?: FieldError[]; detail?: string } | undefined) : undefined;
  if (e instanceof HttpError && e.status === 400 && body?.errors?.length) return body.errors;
  // The staff page's own banner asks to sign in again (StaffArea); a form adds nothing to it.
  if (e instanceof HttpError && e.status === 401) return [];
  // A refusal the server explains in words (400, 409, 422) is shown as it is.
  if (e instanceof HttpError && e.status >= 400 && e.status < 500 && typeof body?.detail === 'string' && body.detail)
    return [{ field: '', message: body.detail }];
  return [{ field: '', message: t('common.serviceDown') }];
}
