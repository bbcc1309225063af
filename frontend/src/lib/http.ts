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

/** Every state-changing request echoes the XSRF-TOKEN cookie, public ones included. */
async function withCsrf(init: RequestInit): Promise<RequestInit> {
  if (SAFE_METHODS.includes((init.method ?? 'GET').toUpperCase())) return init;
  const headers = (init.headers ?? {}) as Record<string, string>;
  if (headers['X-XSRF-TOKEN']) return init;
  return { ...init, headers: { ...headers, 'X-XSRF-TOKEN': await xsrfToken() } };
}

/** Spring Security sets the XSRF-TOKEN cookie on any GET; /me does that even when it answers 401. */
export async function xsrfToken(refresh = false): Promise<string> {
  let token = refresh ? undefined : readCookie('XSRF-TOKEN');
  if (!token) {
    await fetch('/api/v1/staff/me', { credentials: 'same-origin' });
    token = readCookie('XSRF-TOKEN');
  }
  return token ?? '';
}

export async function request<T>(url: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(url, { credentials: 'same-origin', ...(await withCsrf(init)) });
  const text = await res.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  if (!res.ok) throw new HttpError(res.status, body, res.headers);
  return body as T;
}

export function readCookie(name: string): string | undefined {
  const match = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
  return match ? decodeURIComponent(match.slice(name.length + 1)) : undefined;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
  timeZone: 'Europe/London',
});

export const formatDate = (iso: string) => dateFormat.format(new Date(iso));
export const formatDateTime = (iso: string) => dateTimeFormat.format(new Date(iso));

/** JSON in, JSON out; `body` undefined sends no body. */
export const sendJson = <T>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
  request<T>(url, {
    method,
    headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** The per-field errors of a 400 answer, or one general error for anything else. */
export function fieldErrors(e: unknown): FieldError[] {
  const body = e instanceof HttpError ? (e.body as { errors?: FieldError[]; detail?: string } | undefined) : undefined;
  if (e instanceof HttpError && e.status === 400 && body?.errors?.length) return body.errors;
  // A refusal the server explains in words (400, 409, 422) is shown as it is.
  if (e instanceof HttpError && e.status >= 400 && e.status < 500 && typeof body?.detail === 'string' && body.detail)
    return [{ field: '', message: body.detail }];
  return [{ field: '', message: 'Sorry, there is a problem with the service. Try again later.' }];
}
