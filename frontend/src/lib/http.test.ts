import { afterEach, describe, expect, it, vi } from 'vitest';
import { sendJson } from './http';

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

  it('leave reads alone', async () => {
    const fetch = answered();
    vi.stubGlobal('fetch', fetch);
    await sendJson('GET', '/api/v1/chats/abc');
    expect(headerOf(fetch.mock.calls[0])).toBeUndefined();
  });
});
