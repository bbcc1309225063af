import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations, button, cleanup, click, me, mockFetch, renderApp, type Answer, type Call } from '../../test/harness';
import type { DeadLetter } from './deadLettersApi';

afterEach(cleanup);

const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const PARKED: DeadLetter = {
  id: 'dl-1',
  readModel: 'contact-view',
  sequence: '6f1c1d2e-8a7b-4c3d-9e0f-112233445566',
  eventId: 'ev-1',
  eventType: 'ContactReceived',
  causeType: 'org.postgresql.util.PSQLException',
  cause:
    'PSQLException, SQLState 23514 (check_violation), table contact_detail, constraint refuse_one, at ContactViewProjection.on(ContactViewProjection.java:48)',
  since: '2026-12-04T09:00:00Z',
  lastTouched: '2026-12-04T09:00:00Z',
  waitingBehind: 2,
  beingRetried: false,
};
const UPDATE: DeadLetter = {
  ...PARKED,
  id: 'dl-2',
  readModel: 'citizen-updates',
  sequence: 'BL-2026-000123',
  eventId: 'ev-2',
  eventType: 'PublicUpdatePublished',
  waitingBehind: 0,
};

/** An admin's session; `more` answers the dead-letter calls. */
const asAdmin =
  (more: (path: string, call: Call) => Answer | undefined) =>
  (path: string, call: Call): Answer => {
    if (path === '/api/v1/staff/me') return me('admin', 'ADMIN');
    if (path === '/api/v1/staff/supervisor/dead-letters') return [200, { deadLetters: 3, readModels: ['contact-view'] }];
    return more(path, call) ?? [404];
  };

describe('the dead letters page', () => {
  it('lists each parked sequence for an administrator, with no event content', async () => {
    mockFetch(asAdmin((path) => (path === '/api/v1/admin/dead-letters' ? [200, [PARKED, UPDATE]] : undefined)));
    const page = await renderApp('/staff/dead-letters');
    expect(document.title).toBe('Dead letters – Blue Lamp');
    const nav = page.querySelector('nav[aria-label="Staff areas"]')!;
    expect([...nav.querySelectorAll('a')].map(text)).toContain('Dead letters');
    const rows = [...page.querySelectorAll('[data-testid=dead-letters] tbody tr')];
    expect([...rows[0].querySelectorAll('td')].slice(0, 4).map(text)).toEqual([
      'Contact workspace',
      'ContactReceived ev-1',
      PARKED.sequence,
      PARKED.cause,
    ]);
    expect(text(rows[0].querySelectorAll('td')[5])).toBe('2 events');
    expect(text(page)).toContain('Retrying an update to a citizen sends it');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('retries one and says its events are in the read model now', async () => {
    document.cookie = 'XSRF-TOKEN=from-the-cookie';
    let retried = false;
    const calls = mockFetch(
      asAdmin((path, call) => {
        if (path === '/api/v1/admin/dead-letters') return [200, retried ? [] : [PARKED]];
        if (path === '/api/v1/admin/dead-letters/dl-1/retry' && call.method === 'POST') {
          retried = true;
          return [200, { outcome: 'PROJECTED', deadLetter: null }];
        }
        return undefined;
      }),
    );
    const page = await renderApp('/staff/dead-letters');
    await click(button(page, `Retry ContactReceived of ${PARKED.sequence}`));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.headers['x-xsrf-token']).toBe('from-the-cookie');
    expect(text(page.querySelector('[data-testid=dead-letter-done]'))).toContain(`The events of ${PARKED.sequence} are in the contact workspace now`);
    expect(page.querySelector('[data-testid=no-dead-letters]')).not.toBeNull();
  });

  it('says why when the event fails again', async () => {
    const again = { ...PARKED, cause: 'PSQLException, SQLState 23505 (unique_violation), table contact_detail' };
    mockFetch(
      asAdmin((path, call) => {
        if (path === '/api/v1/admin/dead-letters') return [200, [PARKED]];
        if (path.endsWith('/retry') && call.method === 'POST') return [200, { outcome: 'STILL_PARKED', deadLetter: again }];
        return undefined;
      }),
    );
    const page = await renderApp('/staff/dead-letters');
    await click(button(page, `Retry ContactReceived of ${PARKED.sequence}`));
    expect(text(page.querySelector('.govuk-error-summary'))).toContain(`ContactReceived of ${PARKED.sequence} failed again: ${again.cause}`);
    expect(page.querySelector('[data-testid=dead-letter-done]')).toBeNull();
  });

  it('evicts one only after a check that says what is lost, and cancelling changes nothing', async () => {
    let evicted = false;
    const calls = mockFetch(
      asAdmin((path, call) => {
        if (path === '/api/v1/admin/dead-letters') return [200, evicted ? [] : [PARKED]];
        if (path === '/api/v1/admin/dead-letters/dl-1' && call.method === 'DELETE') {
          evicted = true;
          return [204];
        }
        return undefined;
      }),
    );
    const page = await renderApp('/staff/dead-letters');
    await click(button(page, `Evict ContactReceived of ${PARKED.sequence}`));
    const check = page.querySelector('[data-testid=evict-confirm]')!;
    expect(document.activeElement).toBe(check.querySelector('h2'));
    expect(text(check)).toContain('The contact workspace will never show this event');
    expect(text(check)).toContain('2 events behind it stay parked until you retry them');
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    expect(await axeViolations(page)).toEqual([]);

    await click(button(page, 'Cancel'));
    expect(page.querySelector('[data-testid=evict-confirm]')).toBeNull();
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);

    await click(button(page, `Evict ContactReceived of ${PARKED.sequence}`));
    await click(button(page, 'Evict this event'));
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual(['/api/v1/admin/dead-letters/dl-1']);
    expect(text(page.querySelector('[data-testid=dead-letter-done]'))).toContain('Event ev-1 is evicted from the contact workspace');
  });

  it('is refused to supervisors, who are not sent to the admin routes', async () => {
    const calls = mockFetch((path) => (path === '/api/v1/staff/me' ? me('supervisor', 'SUPERVISOR') : [200, { deadLetters: 0, readModels: [] }]));
    const page = await renderApp('/staff/dead-letters');
    expect(text(page.querySelector('h1'))).toBe('You cannot see this page');
    expect(calls.some((c) => c.path.startsWith('/api/v1/admin/'))).toBe(false);
  });
});

describe('the warning on staff pages', () => {
  it('tells a supervisor how many events wait and where, without a link to the admin page', async () => {
    mockFetch((path) =>
      path === '/api/v1/staff/me'
        ? me('supervisor', 'SUPERVISOR')
        : path === '/api/v1/staff/supervisor/dead-letters'
          ? [200, { deadLetters: 3, readModels: ['contact-view', 'case-view'] }]
          : [404],
    );
    const page = await renderApp('/staff/audit');
    const warning = page.querySelector('[data-testid=dead-letter-warning]')!;
    expect(text(warning)).toContain('3 events are waiting in dead letters (Contact workspace, Case view)');
    expect(warning.querySelector('a')).toBeNull();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('links an administrator to the dead letters', async () => {
    mockFetch(asAdmin(() => [200, []]));
    const page = await renderApp('/staff/audit');
    expect(page.querySelector('[data-testid=dead-letter-warning] a')?.getAttribute('href')).toBe('/staff/dead-letters');
  });

  it('is not there when nothing waits, and handlers are not asked about it', async () => {
    const admin = mockFetch((path) =>
      path === '/api/v1/staff/me'
        ? me('admin', 'ADMIN')
        : path === '/api/v1/staff/supervisor/dead-letters'
          ? [200, { deadLetters: 0, readModels: [] }]
          : [200, []],
    );
    let page = await renderApp('/staff/audit');
    expect(admin.some((c) => c.path === '/api/v1/staff/supervisor/dead-letters')).toBe(true);
    expect(page.querySelector('[data-testid=dead-letter-warning]')).toBeNull();
    await cleanup();

    const handler = mockFetch((path) => (path === '/api/v1/staff/me' ? me('handler', 'HANDLER') : [404]));
    page = await renderApp('/staff/audit');
    expect(handler.some((c) => c.path.includes('dead-letters'))).toBe(false);
    expect(page.querySelector('[data-testid=dead-letter-warning]')).toBeNull();
  });
});
