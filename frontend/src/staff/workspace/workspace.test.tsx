import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openSockets } from '../../test/fakeStomp';
import { axeViolations, cleanup, click, me, mockFetch, renderApp, settle, type, waitFor } from '../../test/harness';
import { NO_HISTORY } from '../../test/fixtures';
import { forgetSeenMessages } from './ContactSwitcher';
import { dropAllDrafts } from './drafts';

vi.mock('@stomp/stompjs', () => import('../../test/fakeStomp'));

afterEach(async () => {
  await cleanup();
  openSockets.length = 0;
  forgetSeenMessages();
  dropAllDrafts();
});

const chat = (contactId: string, citizenName: string) => ({
  contactId,
  channel: 'CHAT',
  state: 'ASSIGNED',
  handler: 'handler',
  chat: { citizenName, topic: 'Noise' },
  triage: [],
  transfers: [],
});
const mine = (contactId: string, unanswered: number, waitingSince: string | null = null) => ({
  contactId,
  channel: 'CHAT',
  state: 'ASSIGNED',
  priority: 5,
  queuedAt: '2026-12-06T09:00:00Z',
  handler: 'handler',
  overTarget: false,
  unanswered,
  waitingSince,
});

function twoChats(unread: { a: number; b: number }, history = NO_HISTORY) {
  return mockFetch((path) => {
    if (path === '/api/v1/staff/me') return me('handler', 'HANDLER');
    if (path === '/api/v1/staff/my-contacts')
      return [200, [mine('c-a', unread.a), mine('c-b', unread.b, new Date(Date.now() - 125_000).toISOString())]];
    if (path.endsWith('/history')) return [200, history];
    if (path === '/api/v1/staff/contacts/c-a') return [200, chat('c-a', 'Robin')];
    if (path === '/api/v1/staff/contacts/c-b') return [200, chat('c-b', 'Sam')];
    return [200, []];
  });
}

const switcherLink = (page: Element, id: string) => page.querySelector<HTMLAnchorElement>(`[data-testid=contact-switcher] a[data-contact-id=${id}]`);

describe('the handler’s workspace', () => {
  it('lists their contacts with what is unread and how long the citizen has waited, counting the open one as read', async () => {
    const unread = { a: 2, b: 3 };
    const calls = twoChats(unread);
    const page = await renderApp('/staff/contacts/c-a');
    await waitFor(() => switcherLink(page, 'c-b') !== null);
    expect(switcherLink(page, 'c-a')!.getAttribute('aria-current')).toBe('page');
    expect(switcherLink(page, 'c-a')!.querySelector('[data-testid=unread]')).toBeNull();
    expect(switcherLink(page, 'c-b')!.textContent).toContain('3 new messages');
    expect(switcherLink(page, 'c-b')!.textContent).toMatch(/waiting 2:0\d for a reply/);

    // The citizen in the other chat writes again: the server's count is fetched afresh.
    unread.b = 4;
    const before = calls.filter((c) => c.path === '/api/v1/staff/my-contacts').length;
    await act(async () =>
      openSockets
        .filter((s) => s.subscriptions.has('/user/queue/contact-events'))
        .forEach((s) => s.deliver('/user/queue/contact-events', { type: 'message', contactId: 'c-b' })),
    );
    await waitFor(() => switcherLink(page, 'c-b')!.textContent!.includes('4 new messages'));
    expect(calls.filter((c) => c.path === '/api/v1/staff/my-contacts').length).toBeGreaterThan(before);
    expect(await axeViolations(page)).toEqual([]);

    // Once looked at, those messages are read, though still unanswered; only a newer one is new.
    await click(switcherLink(page, 'c-b')!);
    await waitFor(() => page.querySelector('h1')!.textContent === 'Live chat with Sam');
    await click(switcherLink(page, 'c-a')!);
    await waitFor(() => page.querySelector('h1')!.textContent === 'Live chat with Robin');
    await settle();
    expect(switcherLink(page, 'c-b')!.querySelector('[data-testid=unread]')).toBeNull();
    expect(switcherLink(page, 'c-b')!.textContent).toMatch(/waiting \d:\d\d for a reply/);
    unread.b = 5;
    await act(async () =>
      openSockets
        .filter((s) => s.subscriptions.has('/user/queue/contact-events'))
        .forEach((s) => s.deliver('/user/queue/contact-events', { type: 'message', contactId: 'c-b' })),
    );
    await waitFor(() => switcherLink(page, 'c-b')!.textContent!.includes('1 new message'));
  }, 20_000);

  it('lists the contact just taken, though the server’s list does not have it yet', async () => {
    mockFetch((path, call) => {
      if (path === '/api/v1/staff/me') return me('handler', 'HANDLER');
      if (path === '/api/v1/staff/queues')
        return [200, [{ channel: 'CHAT', targetSeconds: 120, items: [{ ...mine('c-a', 0), state: 'WAITING', handler: undefined }] }]];
      if (path === '/api/v1/staff/contacts/c-a/take' && call.method === 'POST') return [200, mine('c-a', 0)];
      if (path === '/api/v1/staff/my-contacts') return [200, []];
      if (path.endsWith('/history')) return [200, NO_HISTORY];
      if (path === '/api/v1/staff/contacts/c-a') return [200, chat('c-a', 'Robin')];
      return [200, []];
    });
    const page = await renderApp('/staff/queue');
    const takeButton = () => [...page.querySelectorAll('button')].find((b) => /^Take(?! next)/.test(b.textContent ?? ''));
    await waitFor(() => takeButton() !== undefined);
    await click(takeButton()!);
    await waitFor(() => page.querySelector('h1')?.textContent === 'Live chat with Robin' && switcherLink(page, 'c-a') !== null);
    expect(switcherLink(page, 'c-a')!.getAttribute('aria-current')).toBe('page');
  }, 20_000);

  it('keeps what was typed in each chat while the handler works another', async () => {
    twoChats({ a: 0, b: 1 });
    const page = await renderApp('/staff/contacts/c-a');
    await waitFor(() => page.querySelector('#message') !== null && switcherLink(page, 'c-b') !== null);
    await type(page.querySelector('#message'), 'Half a reply to Robin');
    await click(switcherLink(page, 'c-b')!);
    await waitFor(() => page.querySelector('h1')!.textContent === 'Live chat with Sam' && page.querySelector('#message') !== null);
    expect((page.querySelector('#message') as HTMLTextAreaElement).value).toBe('');
    await click(switcherLink(page, 'c-a')!);
    await waitFor(() => page.querySelector('h1')!.textContent === 'Live chat with Robin' && page.querySelector('#message') !== null);
    expect((page.querySelector('#message') as HTMLTextAreaElement).value).toBe('Half a reply to Robin');
  }, 20_000);

  it('opens a contact and moves to the message box by keyboard shortcuts', async () => {
    twoChats({ a: 0, b: 1 });
    const page = await renderApp('/staff/contacts/c-a');
    await waitFor(() => switcherLink(page, 'c-b') !== null && page.querySelector('#message') !== null);
    const press = (code: string) =>
      act(async () => {
        document.dispatchEvent(new KeyboardEvent('keydown', { code, altKey: true, shiftKey: true, bubbles: true }));
      });
    await press('KeyN');
    await waitFor(() => page.querySelector('h1')!.textContent === 'Live chat with Sam');
    await press('Digit1');
    await waitFor(() => page.querySelector('h1')!.textContent === 'Live chat with Robin' && page.querySelector('#message') !== null);
    await press('KeyM');
    expect(document.activeElement?.id).toBe('message');
    await press('KeyC');
    expect(document.activeElement?.getAttribute('role')).toBe('tab');
    expect(page.querySelector('[data-testid=keyboard-shortcuts]')!.textContent).toContain('Alt+Shift+M');
  }, 20_000);

  it('shows the person’s other contacts and cases, flags a repeat contact, and opens the tab a refused form is in', async () => {
    twoChats({ a: 0, b: 0 }, {
      repeat: true,
      contacts: [
        {
          contactId: 'c-old',
          channel: 'WEB',
          at: '2026-11-01T10:00:00Z',
          summary: 'Bike stolen',
          reference: 'BL-2026-000001',
          matchedBy: ['PHONE', 'NAME'],
        },
      ],
      cases: [{ reference: 'BL-2026-000001', status: 'UNDER_REVIEW', statusLabel: 'Under review', category: 'THEFT' }],
    } as unknown as typeof NO_HISTORY);
    const page = await renderApp('/staff/contacts/c-a');
    await waitFor(() => page.querySelector('#tab_history') !== null);
    expect(page.querySelector('#tab_history')!.textContent).toContain('Repeat');
    await click(page.querySelector<HTMLAnchorElement>('#tab_history')!);
    await waitFor(() => !page.querySelector('#history')!.classList.contains('govuk-tabs__panel--hidden'));
    const history = page.querySelector('[data-testid=contact-history]')!.textContent!;
    expect(history).toContain('same phone number, same name');
    expect(history).toContain('Bike stolen');
    expect(history).toContain('Theft (not from a vehicle), Under review');

    // Closing with no outcome chosen is refused: its tab comes forward to show why.
    await click(page.querySelector<HTMLAnchorElement>('#tab_close')!);
    await click(page.querySelector<HTMLAnchorElement>('#tab_details')!);
    await act(async () => page.querySelector<HTMLFormElement>('#close form, #close')!.querySelector('form')!.requestSubmit());
    await settle();
    expect(page.querySelector('#tab_close')!.getAttribute('aria-selected')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
  }, 20_000);
});
