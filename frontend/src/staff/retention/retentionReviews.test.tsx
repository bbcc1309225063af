import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations, button, cleanup, click, me, mockFetch, renderApp, type, type Answer, type Call } from '../../test/harness';
import type { ContactReview, Review } from './RetentionReviews';

afterEach(cleanup);

const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const QUEUE = '/api/v1/staff/retention/reviews';
const CONTACTS = '/api/v1/staff/retention/contacts';
const CONTACT_DUE: ContactReview[] = [
  {
    contactId: '5f1c2d3e-aaaa-4bbb-8ccc-000000000001',
    channel: 'CHAT',
    closedAt: '2025-09-01T10:00:00Z',
    reviewDueAt: '2026-09-01T10:00:00Z',
    overdue: true,
  },
];
const DUE: Review[] = [
  { reference: 'BL-2019-000101', category: 'THEFT', reviewDueAt: '2025-10-01T10:00:00Z', overdue: true },
  { reference: 'BL-2019-000102', category: 'FRAUD', reviewDueAt: '2026-11-30T10:00:00Z', overdue: false },
];

/** A data-protection reviewer's session; `more` answers the queue's calls. */
const asDpo =
  (more: (path: string, call: Call) => Answer | undefined) =>
  (path: string, call: Call): Answer => {
    if (path === '/api/v1/staff/me') return me('dpo', 'DATA_PROTECTION');
    return more(path, call) ?? (path === CONTACTS ? [200, []] : [404]);
  };

describe('the retention review queue', () => {
  it('is in a reviewer’s navigation and lists due and overdue cases without personal data', async () => {
    mockFetch(asDpo((path) => (path === QUEUE ? [200, DUE] : undefined)));
    const page = await renderApp('/staff/retention');
    expect([...page.querySelectorAll('nav[aria-label="Staff areas"] a')].map(text)).toEqual(['Retention reviews']);
    expect(document.title).toBe('Retention reviews – Blue Lamp');
    const rows = [...page.querySelectorAll('[data-testid=reviews] tbody tr')].map((r) => [...r.querySelectorAll('td')].map(text));
    expect(rows.map((r) => [r[0], r[1], r[3]])).toEqual([
      ['BL-2019-000101', 'THEFT', 'Overdue'],
      ['BL-2019-000102', 'FRAUD', 'Due'],
    ]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('is refused to handlers, who have no link to it', async () => {
    const calls = mockFetch((path) => (path === '/api/v1/staff/me' ? me('handler', 'HANDLER') : [200, []]));
    const page = await renderApp('/staff/retention');
    expect(text(page.querySelector('h1'))).toBe('You cannot see this page');
    expect(calls.some((c) => c.path.startsWith(QUEUE))).toBe(false);
  });

  it('asks for a case, a decision and a reason, then keeps a case until its next review', async () => {
    let reviewed = false;
    const calls = mockFetch(
      asDpo((path, call) => {
        if (path === QUEUE) return [200, reviewed ? DUE.slice(1) : DUE];
        if (call.method === 'POST' && path === `${QUEUE}/BL-2019-000101/extend`) return ((reviewed = true), [204]);
        return undefined;
      }),
    );
    const page = await renderApp('/staff/retention');
    await click(button(page, 'Record the decision'));
    expect([...page.querySelectorAll('.govuk-error-summary a')].map(text)).toEqual([
      'Choose the case to review',
      'Choose whether to keep or dispose of the case',
      'Enter the reason or decision number',
    ]);
    await click(page.querySelector<HTMLInputElement>('input[value="BL-2019-000101"]')!);
    await click(page.querySelector<HTMLInputElement>('input[value="extend"]')!);
    await type(page.querySelector('#review-reason'), 'Linked to an open investigation');
    await type(page.querySelector('#review-next'), '2031-06-30');
    await click(button(page, 'Record the decision'));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.path).toBe(`${QUEUE}/BL-2019-000101/extend`);
    expect(post.body).toEqual({ reason: 'Linked to an open investigation', nextReviewDue: '2031-06-30' });
    expect(text(page.querySelector('[data-testid=reviewed]'))).toContain('Case BL-2019-000101 is kept until');
    expect(text(page.querySelector('[data-testid=reviews] tbody'))).not.toContain('BL-2019-000101');
  });

  it('shows the server’s refusal when a case is no longer due', async () => {
    mockFetch(
      asDpo((path, call) => {
        if (path === QUEUE) return [200, DUE];
        if (call.method === 'POST') return [409, { detail: 'The case was disposed of at its retention review' }];
        return undefined;
      }),
    );
    const page = await renderApp('/staff/retention');
    await click(page.querySelector<HTMLInputElement>('input[value="BL-2019-000102"]')!);
    await click(page.querySelector<HTMLInputElement>('input[value="dispose"]')!);
    await type(page.querySelector('#review-reason'), 'DP decision 9');
    await click(button(page, 'Record the decision'));
    expect(text(page.querySelector('.govuk-error-summary'))).toContain('The case was disposed of at its retention review');
  });

  it('lists contacts that are part of no case, and disposes of one with its own form', async () => {
    let disposed = false;
    const calls = mockFetch(
      asDpo((path, call) => {
        if (path === QUEUE) return [200, DUE];
        if (path === CONTACTS) return [200, disposed ? [] : CONTACT_DUE];
        if (call.method === 'POST' && path === `${CONTACTS}/${CONTACT_DUE[0].contactId}/dispose`) return ((disposed = true), [200, {}]);
        return undefined;
      }),
    );
    const page = await renderApp('/staff/retention');
    const rows = [...page.querySelectorAll('[data-testid=contact-reviews] tbody tr')].map((r) => [...r.querySelectorAll('td')].map(text));
    expect(rows.map((r) => [r[0], r[2]])).toEqual([['Live chat 5f1c2d3e', 'Overdue']]);
    expect(await axeViolations(page)).toEqual([]);
    await click(button(page, 'Record the decision on the contact'));
    expect([...page.querySelectorAll('.govuk-error-summary a')].map(text)).toEqual([
      'Choose the contact to review',
      'Choose whether to keep or dispose of the contact',
      'Enter the reason or decision number',
    ]);
    await click(page.querySelector<HTMLInputElement>(`input[value="${CONTACT_DUE[0].contactId}"]`)!);
    await click(page.querySelector<HTMLInputElement>('input[name="contact-review-decision"][value="dispose"]')!);
    await type(page.querySelector('#contact-review-reason'), 'DP decision 11');
    await click(button(page, 'Record the decision on the contact'));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toEqual({ reason: 'DP decision 11' });
    expect(text(page.querySelector('[data-testid=reviewed]'))).toBe('Contact Live chat 5f1c2d3e is disposed of and its personal data erased');
    expect(page.querySelector('[data-testid=contact-review-none]')).not.toBeNull();
  });
});
