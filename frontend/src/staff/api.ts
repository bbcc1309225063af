import { HttpError, readCookie, request } from '../lib/http';

export interface Me {
  username: string;
  roles: string[];
}

export interface QueueItem {
  contactId: string;
  reference: string;
  category: string;
  categoryLabel: string;
  summary: string;
  location: string;
  receivedAt: string;
  anonymous: boolean;
}

export interface Contact extends Omit<QueueItem, 'summary'> {
  channel: string;
  description: string;
  occurredOn: string;
  occurredTime?: string;
  name?: string;
  email?: string;
  phone?: string;
  updateChannel: string;
  updateFrequency: string;
}

export const getMe = () => request<Me>('/api/v1/staff/me');
export const getQueue = () => request<QueueItem[]>('/api/v1/staff/queues/web');
export const getContact = (id: string) => request<Contact>(`/api/v1/staff/contacts/${encodeURIComponent(id)}`);

/** Spring Security sets the XSRF-TOKEN cookie on a GET; /me does that even when it answers 401. */
async function xsrfToken(refresh = false): Promise<string> {
  let token = refresh ? undefined : readCookie('XSRF-TOKEN');
  if (!token) {
    await fetch('/api/v1/staff/me', { credentials: 'same-origin' });
    token = readCookie('XSRF-TOKEN');
  }
  return token ?? '';
}

async function post<T>(url: string, body?: URLSearchParams): Promise<T> {
  const send = async (refresh: boolean) =>
    request<T>(url, {
      method: 'POST',
      headers: {
        'X-XSRF-TOKEN': await xsrfToken(refresh),
        ...(body ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
      },
      body,
    });
  try {
    return await send(false);
  } catch (e) {
    // A stale token (rotated at sign-in) gives 403: fetch a fresh one and try once more.
    if (e instanceof HttpError && e.status === 403) return send(true);
    throw e;
  }
}

export const signIn = (username: string, password: string) =>
  post<Me>('/api/v1/staff/login', new URLSearchParams({ username, password }));
export const signOut = () => post<void>('/api/v1/staff/logout');

/** How long a contact has waited, in the words a handler scans for: "2 hours 5 minutes". */
export function formatWaiting(receivedAt: string, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - new Date(receivedAt).getTime()) / 60000));
  if (minutes < 1) return 'Less than a minute';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const part = (n: number, unit: string) => (n ? `${n} ${unit}${n === 1 ? '' : 's'}` : '');
  const words = days ? [part(days, 'day'), part(hours, 'hour')] : [part(hours, 'hour'), part(mins, 'minute')];
  return words.filter(Boolean).join(' ');
}
