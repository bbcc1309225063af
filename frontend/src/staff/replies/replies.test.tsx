import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations, button, cleanup, click, me, mockFetch, renderApp, type, type Answer, type Call } from '../../test/harness';
import type { UnmatchedReply } from './repliesApi';

afterEach(cleanup);

const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const QUEUE = '/api/v1/staff/replies';
const WAITING: UnmatchedReply[] = [
  {
    replyId: 'sms-7b0e3c1a-1f0c-4c55-9a51-0f6c0b1f7a21',
    channel: 'SMS',
    channelLabel: 'Text message',
    sender: '447700900002',
    text: 'About BL-2026-000123: <b>the van is back</b>',
    receivedAt: '2026-12-06T10:15:30Z',
    mentions: ['BL-2026-000123'],
  },
  {
    replyId: 'email-5e2b8c4a-9d1f-4a3e-b6c7-2f0e8d9a1b35',
    channel: 'EMAIL',
    channelLabel: 'Email',
    sender: 'someone@example.org',
    subject: 'Hello',
    text: 'Wrong address, sorry',
    receivedAt: '2026-12-06T11:00:00Z',
    mentions: [],
  },
];

const asHandler =
  (more: (path: string, call: Call) => Answer | undefined) =>
  (path: string, call: Call): Answer =>
    path === '/api/v1/staff/me' ? me('handler', 'HANDLER') : (more(path, call) ?? [404]);

describe('the replies to match', () => {
  it('lists each reply as text, offers the case it names, and is in a handler’s navigation', async () => {
    mockFetch(asHandler((path) => (path === QUEUE ? [200, WAITING] : undefined)));
    const page = await renderApp('/staff/replies');
    expect(document.title).toBe('Replies to match – Blue Lamp');
    expect([...page.querySelectorAll('nav[aria-label="Staff areas"] a')].map(text)).toContain('Replies to match');
    const cards = [...page.querySelectorAll('[data-testid=unmatched-reply]')];
    expect(cards.map((c) => text(c.querySelector('h2')))).toEqual(['Text message from 447700900002', 'Email from someone@example.org']);
    expect(cards[0].querySelector('b')).toBeNull();
    expect(text(cards[0])).toContain('<b>the van is back</b>');
    expect(cards[0].querySelector<HTMLInputElement>('input[type=text]')!.value).toBe('BL-2026-000123');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('puts a reply on a case, and shows where the server refuses', async () => {
    let attached = false;
    const calls = mockFetch(
      asHandler((path, call) => {
        if (path === QUEUE) return [200, attached ? WAITING.slice(1) : WAITING];
        if (call.method === 'POST' && path === `${QUEUE}/${WAITING[1].replyId}/attach`) return [404, { detail: 'There is no case BL-2026-000999' }];
        if (call.method === 'POST' && path === `${QUEUE}/${WAITING[0].replyId}/attach`) return ((attached = true), [204]);
        return undefined;
      }),
    );
    const page = await renderApp('/staff/replies');
    const [first, second] = [...page.querySelectorAll('[data-testid=unmatched-reply]')];
    await click(button(second as HTMLElement, 'Put on the case'));
    expect(text(page.querySelector('.govuk-error-summary'))).toContain('Enter the case reference');
    await type(second.querySelector('input[type=text]'), 'bl-2026-000999');
    await click(button(second as HTMLElement, 'Put on the case'));
    expect(text(page.querySelector('.govuk-error-summary'))).toContain('There is no case BL-2026-000999');
    await click(button(first as HTMLElement, 'Put on the case'));
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([{ reference: 'BL-2026-000999' }, { reference: 'BL-2026-000123' }]);
    expect(text(page.querySelector('[data-testid=reply-done]'))).toContain('The reply is on case BL-2026-000123');
    expect(page.querySelectorAll('[data-testid=unmatched-reply]')).toHaveLength(1);
  });

  it('is refused to auditors, who have no link to it', async () => {
    const calls = mockFetch((path) => (path === '/api/v1/staff/me' ? me('auditor', 'AUDITOR') : [200, []]));
    const page = await renderApp('/staff/replies');
    expect(text(page.querySelector('h1'))).toBe('You cannot see this page');
    expect(calls.some((c) => c.path.startsWith(QUEUE))).toBe(false);
  });
});
