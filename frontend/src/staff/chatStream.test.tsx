import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openSockets } from '../test/fakeStomp';
import { axeViolations, cleanup, me, mockFetch, renderApp, settle, type, waitFor } from '../test/harness';
import { NO_HISTORY } from '../test/fixtures';

vi.mock('@stomp/stompjs', () => import('../test/fakeStomp'));

afterEach(async () => {
  await cleanup();
  openSockets.length = 0;
});

const CHAT = { contactId: 'c-9', channel: 'CHAT', state: 'ASSIGNED', handler: 'handler', chat: { citizenName: 'Robin', topic: 'Noise' } };

describe('a handler’s live chat', () => {
  it('shows the chat is no longer theirs when the server ends their stream, and stops listening', async () => {
    let holder = 'handler';
    const calls = mockFetch((path) => {
      if (path === '/api/v1/staff/me') return me('handler', 'HANDLER');
      if (path.endsWith('/history')) return [200, NO_HISTORY];
      if (path === '/api/v1/staff/contacts/c-9') return [200, { ...CHAT, handler: holder }];
      if (path.startsWith('/api/v1/staff/contacts/c-9/chat')) return [200, []];
      return [200, []];
    });
    const page = await renderApp('/staff/contacts/c-9');
    await waitFor(() => openSockets.some((s) => s.subscriptions.has('/topic/chat.c-9')));
    const socket = openSockets.find((s) => s.subscriptions.has('/topic/chat.c-9'))!;
    await act(async () =>
      socket.deliver('/topic/chat.c-9', {
        type: 'message',
        message: { seq: 1, author: 'CITIZEN', authorName: 'Robin', text: 'Is anyone there?', at: '2026-12-01T10:00:00Z' },
      }),
    );
    await waitFor(() => page.textContent!.includes('Is anyone there?'));

    holder = 'colleague';
    await act(async () => socket.deliver('/topic/chat.c-9', { type: 'access-ended' }));
    await waitFor(() => page.querySelector('[data-testid=chat-lost]') !== null);
    await settle();

    expect(page.querySelector('[data-testid=chat-lost]')!.textContent).toContain('This chat is no longer yours');
    expect(page.textContent).not.toContain('Is anyone there?');
    expect(page.querySelector('#message')).toBeNull();
    expect([...page.querySelectorAll('button')].map((b) => b.textContent)).not.toContain('End chat');
    expect(socket.active).toBe(false);
    expect(calls.filter((c) => c.path === '/api/v1/staff/contacts/c-9').length).toBe(2);
    expect(page.textContent).toContain('colleague');
    expect(await axeViolations(page)).toEqual([]);
  }, 20_000); // axe-core over the whole workspace takes seconds on a busy machine

  it('shows the citizen typing, tells the citizen when the handler types, and forgets it when the message comes', async () => {
    mockFetch((path) => {
      if (path === '/api/v1/staff/me') return me('handler', 'HANDLER');
      if (path.endsWith('/history')) return [200, NO_HISTORY];
      if (path === '/api/v1/staff/contacts/c-9') return [200, CHAT];
      return [200, []];
    });
    const page = await renderApp('/staff/contacts/c-9');
    await waitFor(() => openSockets.some((s) => s.subscriptions.has('/topic/chat.c-9')));
    const socket = openSockets.find((s) => s.subscriptions.has('/topic/chat.c-9'))!;
    await act(async () => socket.deliver('/topic/chat.c-9', { type: 'typing', author: 'HANDLER' }));
    expect(page.querySelector('[data-testid=typing]')!.textContent).not.toContain('typing');
    await act(async () => socket.deliver('/topic/chat.c-9', { type: 'typing', author: 'CITIZEN' }));
    expect(page.querySelector('[data-testid=typing]')!.textContent).toBe('Robin is typing…');
    await act(async () =>
      socket.deliver('/topic/chat.c-9', {
        type: 'message',
        message: { seq: 1, author: 'CITIZEN', authorName: 'Robin', text: 'Hello', at: '2026-12-01T10:00:00Z' },
      }),
    );
    expect(page.querySelector('[data-testid=typing]')!.textContent).not.toContain('typing');

    await type(page.querySelector('#message'), 'On my way');
    expect(socket.published.map((p) => p.destination)).toContain('/app/chat.c-9.typing');
  });
});
