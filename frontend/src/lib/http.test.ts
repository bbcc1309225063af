import { afterEach, describe, expect, it, vi } from 'vitest';
import { fieldErrors, formatDateTime, formatTime, HttpError, sendJson } from './http';

const answered = () => vi.fn(async () => new Response(null, { status: 204 }));
const headerOf = (call: unknown[]) => ((call[1] as RequestInit).headers as Record<string, string>)['X-XSRF-TOKEN'];

describe('state-changing requests', () => {
  afterEach(() => {
    document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
    vi.unstubAllGlobals();
  });

  it('echo the XSRF-TOKEN cookie, public ones included', async () => {
    document.cookie = 'XSRF-TOKEN=abc123';
    const fetch = answered();
    vi.stubGlobal('fetch', fetch);
    await sendJson('POST', '/api/v1/callbacks', { phone: '07700 900123' });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(headerOf(fetch.mock.calls[0])).toBe('abc123');
  });

  it('fetch the cookie first when the page has none yet', async () => {
    const fetch = vi.fn(async (url: string) => {
      if (url === '/api/v1/staff/me') document.cookie = 'XSRF-TOKEN=fresh';
      return new Response(null, { status: url === '/api/v1/staff/me' ? 401 : 204 });
    });
    vi.stubGlobal('fetch', fetch);
    await sendJson('PUT', '/api/v1/cases/BL-2026-000001/update-preference', { updateChannel: 'NONE' });
    expect(fetch.mock.calls.map((c) => c[0])).toEqual(['/api/v1/staff/me', '/api/v1/cases/BL-2026-000001/update-preference']);
    expect(headerOf(fetch.mock.calls[1])).toBe('fresh');
  });

  it('read the __Host- cookie the server sets behind HTTPS', async () => {
    // jsdom's page is plain http, where a browser would refuse to store a __Host- cookie: read as one would be over HTTPS.
    const cookies = vi.spyOn(document, 'cookie', 'get').mockReturnValue('__Host-XSRF-TOKEN=signed-for-https');
    const fetch = answered();
    vi.stubGlobal('fetch', fetch);
    await sendJson('POST', '/api/v1/reports', {});
    expect(headerOf(fetch.mock.calls[0])).toBe('signed-for-https');
    cookies.mockRestore();
  });

  it('try once more with a fresh token when the server refuses a stale one', async () => {
    document.cookie = 'XSRF-TOKEN=stale';
    const fetch = vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/api/v1/staff/me') document.cookie = 'XSRF-TOKEN=fresh';
      const sent = (init?.headers as Record<string, string> | undefined)?.['X-XSRF-TOKEN'];
      return new Response(null, { status: url === '/api/v1/staff/me' ? 401 : sent === 'fresh' ? 204 : 403 });
    });
    vi.stubGlobal('fetch', fetch);
    await sendJson('POST', '/api/v1/chats/abc/end');
    expect(fetch.mock.calls.map((c) => c[0])).toEqual(['/api/v1/chats/abc/end', '/api/v1/staff/me', '/api/v1/chats/abc/end']);
    expect(headerOf(fetch.mock.calls[2])).toBe('fresh');
  });

  it('leave reads alone', async () => {
    const fetch = answered();
    vi.stubGlobal('fetch', fetch);
    await sendJson('GET', '/api/v1/chats/abc');
    expect(headerOf(fetch.mock.calls[0])).toBeUndefined();
  });
});

describe('fieldErrors', () => {
  it('shows the server’s own words for a rate limit or an oversized request', () => {
    const tooMany = new HttpError(
      429,
      { title: 'Too many requests', detail: 'Too many requests. Try again in 2 minutes.' },
      new Headers({ 'Retry-After': '90' }),
    );
    expect(fieldErrors(tooMany)).toEqual([{ field: '', message: 'Too many requests. Try again in 2 minutes.' }]);
    const tooLarge = new HttpError(413, { title: 'Request too large', detail: 'The request body must be 64 KiB or smaller.' }, new Headers());
    expect(fieldErrors(tooLarge)[0].message).toBe('The request body must be 64 KiB or smaller.');
  });
});

describe('dates and times in GOV.UK style', () => {
  it('writes 5 December 2026 at 9:05am, in UK time, with midday and midnight by name', () => {
    expect(formatDateTime('2026-12-05T09:05:00Z')).toBe('5 December 2026 at 9:05am');
    expect(formatDateTime('2026-07-01T11:00:00Z')).toBe('1 July 2026 at midday'); // BST
    expect(formatTime('2026-12-05T00:00:00Z')).toBe('midnight');
    expect(formatTime('2026-12-05T15:30:00Z')).toBe('3:30pm');
  });
});
