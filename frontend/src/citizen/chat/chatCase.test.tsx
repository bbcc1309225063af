import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openSockets } from '../../test/fakeStomp';
import { axeViolations, cleanup, mockFetch, renderApp, waitFor } from '../../test/harness';

vi.mock('@stomp/stompjs', () => import('../../test/fakeStomp'));

afterEach(async () => {
  await cleanup();
  openSockets.length = 0;
});

const STORED = 'bluelamp.chat';
const CHAT = { contactId: 'c-7', chatToken: 'secret-token', position: 1 };
const CASE = { reference: 'BL-2026-000321', trackingCode: 'ABCD-EFGH-JKMN' };

describe('a case opened from a live chat', () => {
  it('gives its citizen the reference and code when the handler opens it, and keeps them in the tab', async () => {
    sessionStorage.setItem(STORED, JSON.stringify(CHAT));
    let opened = false;
    const calls = mockFetch((path) =>
      path.startsWith('/api/v1/chats/c-7?')
        ? [200, { state: 'ACTIVE', handlerName: 'Alex', messages: [], ...(opened ? { caseOpened: CASE } : {}) }]
        : [404],
    );
    const page = await renderApp('/chat/live');
    await waitFor(() => openSockets.some((s) => s.subscriptions.has('/topic/chat.c-7')));
    expect(page.querySelector('[data-testid=case-opened]')).toBeNull();

    opened = true;
    const socket = openSockets.find((s) => s.subscriptions.has('/topic/chat.c-7'))!;
    await act(async () => socket.deliver('/topic/chat.c-7', { type: 'case', reference: CASE.reference }));
    await waitFor(() => page.querySelector('[data-testid=case-opened]') !== null);

    expect(page.querySelector('[data-testid=case-reference]')!.textContent).toBe(CASE.reference);
    expect(page.querySelector('[data-testid=case-tracking-code]')!.textContent).toBe(CASE.trackingCode);
    // Fetched with the chat token: the push itself carries no code.
    expect(calls.filter((c) => c.path.startsWith('/api/v1/chats/c-7?')).every((c) => c.headers['x-chat-token'] === 'secret-token')).toBe(true);
    expect(JSON.parse(sessionStorage.getItem(STORED) ?? 'null').caseOpened).toEqual(CASE);
    expect(await axeViolations(page)).toEqual([]);
  }, 20_000);
});
