import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openSockets } from '../test/fakeStomp';
import { cleanup, me, mockFetch, renderApp, waitFor } from '../test/harness';
import { NO_HISTORY } from '../test/fixtures';

vi.mock('@stomp/stompjs', () => import('../test/fakeStomp'));

afterEach(async () => {
  await cleanup();
  openSockets.length = 0;
});

const OFFERED = {
  contactId: 'c-7',
  channel: 'CHAT',
  state: 'ASSIGNED',
  priority: 0,
  queuedAt: '2026-12-01T10:00:00Z',
  reference: 'BL-2026-000777',
  handler: 'handler',
};

describe('after a reconnect', () => {
  it('the console fetches the queues and the handler’s contacts again, so an offer made meanwhile shows', async () => {
    let away = false;
    const calls = mockFetch((path) => {
      if (path === '/api/v1/staff/me') return me('handler', 'HANDLER');
      if (path.endsWith('/history')) return [200, NO_HISTORY];
      if (path === '/api/v1/staff/queues') return [200, [{ channel: 'CHAT', targetSeconds: 120, items: [] }]];
      if (path === '/api/v1/staff/my-contacts') return [200, away ? [OFFERED] : []];
      return [200, []];
    });
    const page = await renderApp('/staff/queue');
    await waitFor(() => openSockets.some((s) => s.subscriptions.has('/user/queue/offers')));
    const socket = openSockets.find((s) => s.subscriptions.has('/user/queue/offers'))!;
    const fetched = (path: string) => calls.filter((c) => c.path === path).length;
    const queuesBefore = fetched('/api/v1/staff/queues');
    expect(page.textContent).not.toContain('BL-2026-000777');

    away = true; // the router offered c-7 while the connection was down; its push was lost
    await act(async () => socket.dropAndReconnect());
    await waitFor(() => page.textContent!.includes('BL-2026-000777'));

    expect(fetched('/api/v1/staff/queues')).toBeGreaterThan(queuesBefore);
    expect([...socket.subscriptions.keys()]).toEqual(expect.arrayContaining(['/topic/queues', '/user/queue/offers', '/user/queue/screen-pop']));
  });

  it('an open chat fetches the messages after the last one it has', async () => {
    const first = { seq: 1, author: 'CITIZEN', authorName: 'Robin', text: 'Is anyone there?', at: '2026-12-01T10:00:00Z' };
    const missed = { seq: 2, author: 'CITIZEN', authorName: 'Robin', text: 'Sent while you were away', at: '2026-12-01T10:01:00Z' };
    const calls = mockFetch((path) => {
      if (path === '/api/v1/staff/me') return me('handler', 'HANDLER');
      if (path.endsWith('/history')) return [200, NO_HISTORY];
      if (path === '/api/v1/staff/contacts/c-9') {
        return [200, { contactId: 'c-9', channel: 'CHAT', state: 'ASSIGNED', handler: 'handler', chat: { citizenName: 'Robin', topic: 'Noise' } }];
      }
      if (path === '/api/v1/staff/contacts/c-9/chat?after=0') return [200, [first]];
      if (path === '/api/v1/staff/contacts/c-9/chat?after=1') return [200, [missed]];
      return [200, []];
    });
    const page = await renderApp('/staff/contacts/c-9');
    await waitFor(() => page.textContent!.includes('Is anyone there?'));
    const socket = openSockets.find((s) => s.subscriptions.has('/topic/chat.c-9'))!;

    await act(async () => socket.dropAndReconnect());
    await waitFor(() => page.textContent!.includes('Sent while you were away'));

    expect(calls.map((c) => c.path)).toContain('/api/v1/staff/contacts/c-9/chat?after=1');
    expect(socket.subscriptions.has('/topic/chat.c-9')).toBe(true);
  });
});
