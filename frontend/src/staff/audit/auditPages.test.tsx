import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations, button, cleanup, click, me, mockFetch, renderApp, type, waitFor } from '../../test/harness';
import { CASE } from '../../test/fixtures';
import type { Entry, Replay } from './auditApi';

afterEach(cleanup);

const entry = (i: number, e: Partial<Entry> = {}): Entry => ({
  globalIndex: i,
  chainPosition: i,
  eventId: `ev-${i}`,
  aggregateId: CASE.reference,
  sequenceNumber: i,
  type: 'CaseNoteAdded',
  occurredAt: `2026-11-20T10:0${i % 10}:00Z`,
  actor: 'staff:handler',
  channel: 'STAFF',
  correlationId: `corr-${i}`,
  causationId: null,
  sentence: `handler added an internal note (${i})`,
  payload: { reference: CASE.reference, text: `note ${i}` },
  metaData: { actor: 'staff:handler', channel: 'STAFF' },
  ...e,
});
const VIEWS = [
  {
    eventId: 'v1',
    viewedAt: '2026-11-21T09:00:00Z',
    viewer: 'handler',
    subjectType: 'CASE',
    subjectId: CASE.reference,
    reference: CASE.reference,
    view: 'CASE_VIEW',
    reason: 'Caller rang',
  },
];
const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const link = (page: Element, name: string) => [...page.querySelectorAll('a')].find((a) => text(a) === name);

describe('who gets the audit area', () => {
  it('an auditor who signs in lands in the audit area, with an Audit link and no queue', async () => {
    const calls = mockFetch((path) => {
      if (path === '/api/v1/staff/me') return calls.some((c) => c.path === '/api/v1/staff/login') ? me('auditor', 'AUDITOR') : [401];
      if (path === '/api/v1/staff/login') return me('auditor', 'AUDITOR');
      return [404];
    });
    const page = await renderApp('/staff/sign-in');
    await type(page.querySelector('#username'), 'auditor');
    await type(page.querySelector('#password'), 'blue-lamp-auditor');
    await click(button(page, 'Sign in'));
    expect(text(page.querySelector('h1'))).toBe('Audit');
    const nav = page.querySelector('nav[aria-label="Staff areas"]')!;
    expect([...nav.querySelectorAll('a')].map(text)).toEqual(['Audit']);
    expect(link(page, 'Event log')?.getAttribute('href')).toBe('/staff/audit/log');
    expect(link(page, 'Rebuild read models')?.getAttribute('href')).toBe('/staff/audit/replay');
    expect(link(page, 'Event log integrity')?.getAttribute('href')).toBe('/staff/audit/integrity');
    expect(link(page, 'Access log')?.getAttribute('href')).toBe('/staff/audit/access');
    expect(await axeViolations(page)).toEqual([]);

    await type(page.querySelector('#audit-reference'), ` ${CASE.reference} `);
    await click(button(page, 'Open audit trail'));
    expect(text(page.querySelector('h1'))).toBe(`Audit trail for case ${CASE.reference}`);
  });

  it('handlers and supervisors have no Audit link and cannot open the audit pages', async () => {
    mockFetch((path) => (path === '/api/v1/staff/me' ? me('supervisor', 'SUPERVISOR') : [200, []]));
    const page = await renderApp('/staff/audit/log');
    expect(text(page.querySelector('h1'))).toBe('You cannot see this page');
    const nav = page.querySelector('nav[aria-label="Staff areas"]')!;
    expect([...nav.querySelectorAll('a')].map(text)).toEqual(['Queues', 'Cases', 'Replies to match', 'Supervisor dashboard']);
  });
});

describe('a case audit trail', () => {
  const answer = (path: string): [number, unknown?] => {
    const ref = `/api/v1/audit/cases/${CASE.reference}`;
    if (path === '/api/v1/staff/me') return me('auditor', 'AUDITOR');
    if (path === `${ref}/history`)
      return [200, { reference: CASE.reference, entries: [entry(1, { type: 'CaseOpened', sentence: 'handler opened the case' }), entry(2)] }];
    if (path === `/api/v1/audit/access?reference=${CASE.reference}`) return [200, VIEWS];
    if (path.startsWith(`${ref}/as-of?at=`)) return [200, { ...CASE, statusLabel: 'Received', asOf: '2026-11-20T10:30:00Z' }];
    return [404];
  };

  it('asks why first, then sends the reason on every GET and offers the downloads', async () => {
    const calls = mockFetch(answer);
    const page = await renderApp(`/staff/audit/cases/${CASE.reference}`);
    expect(text(page.querySelector('label[for="audit-reason"]'))).toBe("Why are you opening this case's audit trail?");
    expect(calls.some((c) => c.path.startsWith('/api/v1/audit/'))).toBe(false);
    await click(button(page, 'Continue'));
    expect(text(page.querySelector('#audit-reason-error'))).toContain('Enter a reason');

    await type(page.querySelector('#audit-reason'), 'Complaint 77 from the victim');
    await click(button(page, 'Continue'));
    const audit = calls.filter((c) => c.path.startsWith('/api/v1/audit/'));
    expect(audit.map((c) => c.path)).toEqual([`/api/v1/audit/cases/${CASE.reference}/history`, `/api/v1/audit/access?reference=${CASE.reference}`]);
    expect(audit.every((c) => c.headers['x-access-reason'] === 'Complaint 77 from the victim')).toBe(true);

    const history = page.querySelector('[data-testid=case-history]')!;
    expect(history.querySelectorAll('tbody tr')).toHaveLength(2);
    expect(text(history.querySelector('tbody tr'))).toContain('handler opened the case');
    expect(text(history.querySelector('caption'))).toBe(`2 events on case ${CASE.reference}, oldest first`);
    expect(history.querySelectorAll('th[scope=col]')).toHaveLength(6);

    await click(button(page, 'Show raw event 2'));
    const raw = page.querySelector('[data-testid=raw-event]')!;
    expect(raw.textContent).toContain('"text": "note 2"');
    expect(raw.textContent).toContain('corr-2');
    expect(raw.textContent).toContain('ev-2');
    expect(button(page, 'Hide raw event 2').getAttribute('aria-expanded')).toBe('true');

    expect(link(page, 'Download as JSON')?.getAttribute('href')).toBe(
      `/api/v1/audit/cases/${CASE.reference}/export?format=json&reason=Complaint+77+from+the+victim`,
    );
    expect(link(page, 'Download as CSV')?.hasAttribute('download')).toBe(true);
    expect(text(page.querySelector('[data-testid=case-views] tbody'))).toContain('Caller rang');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows the case as it was, read-only, with the same view as the handler', async () => {
    const calls = mockFetch(answer);
    const page = await renderApp(`/staff/audit/cases/${CASE.reference}`);
    await type(page.querySelector('#audit-reason'), 'Review');
    await click(button(page, 'Continue'));

    await click(button(page, 'View the case at this time'));
    expect(text(page.querySelector('#as-of-error'))).toContain('Enter a date and time');

    await type(page.querySelector('#as-of'), '2026-11-20T10:30');
    await click(button(page, 'View the case at this time'));
    const asOf = calls.find((c) => c.path.includes('/as-of'))!;
    expect(asOf.path).toBe(`/api/v1/audit/cases/${CASE.reference}/as-of?at=${encodeURIComponent(new Date(2026, 10, 20, 10, 30).toISOString())}`);
    expect(asOf.headers['x-access-reason']).toBe('Review');

    const view = page.querySelector('[data-testid=as-of-view]')!;
    expect(text(view.querySelector('h2'))).toMatch(/^As it was at 20 Nov 2026, 10:30:00$/);
    expect(text(view.querySelector('[data-testid=case-summary]'))).toContain('Received');
    expect(view.querySelectorAll('form, textarea, input, button')).toHaveLength(0);
    expect(view.querySelector('a[href^="/staff/contacts/"]')).toBeNull();
    expect([...view.querySelectorAll('h3')].map(text)).toContain('Timeline');
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('the event log', () => {
  it('filters, pages back with nextBefore and shows newest first', async () => {
    const calls = mockFetch((path) => {
      if (path === '/api/v1/staff/me') return me('auditor', 'AUDITOR');
      if (path === '/api/v1/audit/event-types') return [200, ['ContactReceived', 'CaseOpened']];
      if (path.startsWith('/api/v1/audit/events?')) {
        const before = new URLSearchParams(path.split('?')[1]).get('before');
        return before ? [200, { entries: [entry(1)], nextBefore: null }] : [200, { entries: [entry(3), entry(2)], nextBefore: 2 }];
      }
      return [404];
    });
    const page = await renderApp('/staff/audit/log');
    expect([...page.querySelectorAll('#log-type option')].map(text)).toEqual(['Any type', 'CaseOpened', 'ContactReceived']);
    expect(page.querySelectorAll('[data-testid=event-log] tbody tr')).toHaveLength(2);
    expect(await axeViolations(page)).toEqual([]);

    await click(button(page, 'Older events'));
    expect(calls.at(-1)!.path).toBe('/api/v1/audit/events?before=2&size=50');
    expect(page.querySelectorAll('[data-testid=event-log] tbody tr')).toHaveLength(3);
    expect(() => button(page, 'Older events')).toThrow();

    await type(page.querySelector('#log-type'), 'CaseOpened');
    await type(page.querySelector('#log-actor'), 'staff:handler');
    await type(page.querySelector('#log-from'), '2026-11-20T10:00');
    await click(button(page, 'Search events'));
    const q = new URLSearchParams(calls.at(-1)!.path.split('?')[1]);
    expect(q.get('type')).toBe('CaseOpened');
    expect(q.get('actor')).toBe('staff:handler');
    expect(q.get('from')).toBe(new Date(2026, 10, 20, 10, 0).toISOString());
    expect(q.has('before')).toBe(false);

    await type(page.querySelector('#log-to'), '2026-11-19T10:00');
    await click(button(page, 'Search events'));
    expect(text(page.querySelector('.govuk-error-summary'))).toContain('‘To’ must be the same as or after ‘From’');
  });
});

describe('the event log and the reason rule', () => {
  it('asks why on 428, then sends the reason with every page', async () => {
    const calls = mockFetch((path, call) => {
      if (path === '/api/v1/staff/me') return me('auditor', 'AUDITOR');
      if (path === '/api/v1/audit/event-types') return [200, ['CaseOpened']];
      if (path.startsWith('/api/v1/audit/events?')) {
        if (!call.headers['x-access-reason'])
          return [428, { title: 'Give a reason', detail: 'Say why you are reading the log', reasonRequired: true }];
        const before = new URLSearchParams(path.split('?')[1]).get('before');
        return before ? [200, { entries: [entry(1)], nextBefore: null }] : [200, { entries: [entry(3), entry(2)], nextBefore: 2 }];
      }
      return [404];
    });
    const page = await renderApp('/staff/audit/log');
    await waitFor(() => !!page.querySelector('#log-reason'));
    expect(page.querySelector('[data-testid=event-log]')).toBeNull();
    expect(page.textContent).toContain('Say why you are reading the log');
    expect(await axeViolations(page)).toEqual([]);

    await type(page.querySelector('#log-reason'), 'Complaint 12 review');
    await click(button(page, 'Continue'));
    await waitFor(() => page.querySelectorAll('[data-testid=event-log] tbody tr').length === 2);
    expect(calls.at(-1)!.headers['x-access-reason']).toBe('Complaint 12 review');

    await click(button(page, 'Older events'));
    expect(calls.at(-1)!.path).toBe('/api/v1/audit/events?before=2&size=50');
    expect(calls.at(-1)!.headers['x-access-reason']).toBe('Complaint 12 review');
    expect(page.querySelectorAll('[data-testid=event-log] tbody tr')).toHaveLength(3);
  });
});

describe('rebuilding a read model', () => {
  const run = (r: Partial<Replay>): Replay => ({
    id: 'r1',
    readModel: 'case-view',
    requestedBy: 'auditor',
    startedAt: '2026-11-26T10:00:00Z',
    finishedAt: null,
    state: 'RUNNING',
    kind: 'REBUILD',
    eventsDone: 0,
    eventsTotal: 1000,
    eventsPerSecond: 0,
    tables: [],
    error: null,
    ...r,
  });

  it('starts, polls every 500 ms with a progress bar, then shows the comparison', async () => {
    const polls = [
      run({ eventsDone: 400, eventsPerSecond: 812.4 }),
      run({
        state: 'COMPLETED',
        eventsDone: 1000,
        eventsPerSecond: 950,
        finishedAt: '2026-11-26T10:00:02Z',
        tables: [
          {
            table: 'case_view',
            rowsBefore: 10,
            rowsAfter: 10,
            checksumBefore: 'aaaaaaaaaaaaXXXX',
            checksumAfter: 'aaaaaaaaaaaaXXXX',
            identical: true,
            onlyBefore: 0,
            onlyAfter: 0,
          },
          {
            table: 'case_history',
            rowsBefore: 12,
            rowsAfter: 11,
            checksumBefore: 'bbbbbbbbbbbbYYYY',
            checksumAfter: 'ccccccccccccZZZZ',
            identical: false,
            onlyBefore: 2,
            onlyAfter: 1,
          },
        ],
      }),
    ];
    const calls = mockFetch((path, call) => {
      if (path === '/api/v1/staff/me') return me('auditor', 'AUDITOR');
      if (path === '/api/v1/audit/read-models') return [200, [{ name: 'case-view', processor: 'case-view', tables: ['case_view', 'case_history'] }]];
      if (path === '/api/v1/audit/replays' && call.method === 'POST') return [202, run({})];
      if (path === '/api/v1/audit/replays') return [200, []];
      if (path === '/api/v1/audit/replays/r1') return [200, polls.shift() ?? run({ state: 'FAILED' })];
      return [404];
    });
    const pollsMade = () => calls.filter((c) => c.path === '/api/v1/audit/replays/r1').length;
    const page = await renderApp('/staff/audit/replay');
    expect(await axeViolations(page)).toEqual([]);
    const started = Date.now();
    await click(button(page, 'Rebuild case-view'));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ readModel: 'case-view' });

    const progress = page.querySelector('progress')!;
    expect(text(page.querySelector(`label[for="${progress.id}"]`))).toBe('Replay progress');
    expect(progress.getAttribute('aria-valuenow')).toBe('0');
    expect(pollsMade()).toBe(0);

    await waitFor(() => pollsMade() === 1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
    expect(text(page.querySelector('[data-testid=replay-progress-text]'))).toBe('400 of 1,000 events');
    expect(text(page.querySelector('[data-testid=replay-rate]'))).toBe('812 events/s');
    expect(page.querySelector('progress')!.getAttribute('aria-valuemax')).toBe('1000');
    expect(await axeViolations(page)).toEqual([]);

    await waitFor(() => page.querySelector('[data-testid=replay-run]')?.getAttribute('data-state') === 'COMPLETED');
    expect(text(page.querySelector('[data-testid=replay-state]'))).toBe('Completed');
    expect(text(page.querySelector('[data-testid=replay-completed]'))).toContain('1 of 2 tables differs');
    const rows = [...page.querySelectorAll('[data-testid=replay-result] tbody tr')].map((r) => [...r.children].map(text));
    expect(rows).toEqual([
      ['case_view', '10', '10', 'aaaaaaaaaaaa', 'aaaaaaaaaaaa', 'Identical'],
      ['case_history', '12', '11', 'bbbbbbbbbbbb', 'cccccccccccc', 'Differs (2 rows only in the old, 1 only in the rebuilt)'],
    ]);
    expect([...page.querySelectorAll('h3')].map(text)).toContain('Result');
    expect(await axeViolations(page)).toEqual([]);
    // Finished: no more polling.
    await new Promise((r) => setTimeout(r, 700));
    expect(pollsMade()).toBe(2);
  });

  it('a rebuild already running (409) is followed instead', async () => {
    let posted = false;
    mockFetch((path, call) => {
      if (path === '/api/v1/staff/me') return me('auditor', 'AUDITOR');
      if (path === '/api/v1/audit/read-models') return [200, [{ name: 'case-view', processor: 'p', tables: ['t'] }]];
      if (path === '/api/v1/audit/replays' && call.method === 'POST') return ((posted = true), [409, { title: 'Conflict' }]);
      if (path === '/api/v1/audit/replays') return [200, posted ? [run({ id: 'r9', requestedBy: 'admin' })] : []];
      if (path === '/api/v1/audit/replays/r9') return [200, run({ id: 'r9', requestedBy: 'admin', state: 'FAILED', error: 'Database went away' })];
      return [404];
    });
    const page = await renderApp('/staff/audit/replay');
    await click(button(page, 'Rebuild case-view'));
    expect(text(page.querySelector('.govuk-error-summary'))).toContain('A rebuild of case-view is already running');
    expect(text(page.querySelector('#run-heading'))).toBe('Rebuild of case-view');
    await waitFor(() => !!page.querySelector('[data-testid=replay-failed]'));
    expect(text(page.querySelector('[data-testid=replay-failed]'))).toContain('Database went away');
    expect(text(page.querySelector('[data-testid=replay-state]'))).toBe('Failed');
  });
});

describe('stopping a rebuild', () => {
  const running = {
    id: 'r5',
    readModel: 'contact-view',
    requestedBy: 'auditor',
    startedAt: '2026-11-26T10:00:00Z',
    finishedAt: null,
    state: 'RUNNING',
    kind: 'REBUILD',
    eventsDone: 3,
    eventsTotal: 900,
    eventsPerSecond: 1,
    tables: null,
    error: null,
  };

  it('stops a running rebuild and says the live read model was left as it was', async () => {
    const calls = mockFetch((path, call) => {
      if (path === '/api/v1/staff/me') return me('auditor', 'AUDITOR');
      if (path === '/api/v1/audit/read-models') return [200, [{ name: 'contact-view', processor: 'p', tables: ['t'] }]];
      if (path === '/api/v1/audit/replays') return [200, [running]];
      if (path === '/api/v1/audit/replays/r5/cancel' && call.method === 'POST')
        return [200, { ...running, state: 'CANCELLED', finishedAt: '2026-11-26T10:00:09Z', error: 'Cancelled by auditor' }];
      if (path === '/api/v1/audit/replays/r5') return [200, running];
      return [404];
    });
    const page = await renderApp('/staff/audit/replay');
    await waitFor(() => !!page.querySelector('[data-testid=replay-run][data-state=RUNNING]'));
    await click(button(page, 'Stop this rebuild of contact-view'));
    expect(calls.some((c) => c.path === '/api/v1/audit/replays/r5/cancel' && c.method === 'POST')).toBe(true);
    await waitFor(() => page.querySelector('[data-testid=replay-run]')?.getAttribute('data-state') === 'CANCELLED');
    expect(text(page.querySelector('[data-testid=replay-state]'))).toBe('Stopped');
    expect(text(page.querySelector('[data-testid=replay-cancelled]'))).toContain('Cancelled by auditor');
    expect(text(page.querySelector('[data-testid=replay-cancelled]'))).toContain('left as it was');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('offers no stop for the scrub of an erasure or a back-fill, and explains a refusal', async () => {
    let kind = 'BACKFILL';
    mockFetch((path, call) => {
      if (path === '/api/v1/staff/me') return me('auditor', 'AUDITOR');
      if (path === '/api/v1/audit/read-models') return [200, [{ name: 'contact-view', processor: 'p', tables: ['t'] }]];
      if (path === '/api/v1/audit/replays') return [200, [{ ...running, kind, requestedBy: 'admin' }]];
      if (path === '/api/v1/audit/replays/r5/cancel' && call.method === 'POST')
        return [
          403,
          {
            title: 'Only the auditor who started this rebuild, or an admin, can cancel it',
            detail: 'Only the auditor who started this rebuild, or an admin, can cancel it',
          },
        ];
      if (path === '/api/v1/audit/replays/r5') return [200, { ...running, kind, requestedBy: 'admin' }];
      return [404];
    });
    const page = await renderApp('/staff/audit/replay');
    await waitFor(() => !!page.querySelector('[data-testid=replay-run][data-state=RUNNING]'));
    expect([...page.querySelectorAll('button')].map(text)).not.toContain('Stop this rebuild of contact-view');
    expect(text(page.querySelector('[data-testid=replay-run]'))).toContain('Started by the system to fill a new read model');

    kind = 'SCRUB';
    const scrub = await renderApp('/staff/audit/replay');
    await waitFor(() => !!scrub.querySelector('[data-testid=replay-run][data-state=RUNNING]'));
    expect([...scrub.querySelectorAll('button')].map(text)).not.toContain('Stop this rebuild of contact-view');
    expect(text(scrub.querySelector('[data-testid=replay-run]'))).toContain('Asked for by admin');

    kind = 'REBUILD';
    const again = await renderApp('/staff/audit/replay');
    await waitFor(() => [...again.querySelectorAll('button')].map(text).includes('Stop this rebuild of contact-view'));
    await click(button(again, 'Stop this rebuild of contact-view'));
    await waitFor(() => !!again.querySelector('.govuk-error-summary'));
    expect(text(again.querySelector('.govuk-error-summary'))).toContain('Only the auditor who started this rebuild');
  });
});

describe('the integrity check', () => {
  it('says the log is intact, or where it first breaks', async () => {
    let ok = true;
    mockFetch((path) => {
      if (path === '/api/v1/staff/me') return me('auditor', 'AUDITOR');
      if (path === '/api/v1/audit/integrity')
        return ok
          ? [200, { ok: true, eventsVerified: 42, head: { position: 41, hash: 'f00dfeed' }, firstBreak: null, unchained: [] }]
          : [
              200,
              {
                ok: false,
                eventsVerified: 7,
                head: null,
                firstBreak: { kind: 'HASH_MISMATCH', position: 7, globalIndex: 9, message: 'Event 9 was altered' },
                unchained: [{ globalIndex: 50, type: 'CaseOpened', aggregateId: 'BL-X' }],
              },
            ];
      return [404];
    });
    const page = await renderApp('/staff/audit/integrity');
    await click(button(page, 'Verify the event log'));
    expect(text(page.querySelector('[data-testid=integrity-ok]'))).toContain('The event log is intact: 42 events verified, head hash f00dfeed');
    expect(await axeViolations(page)).toEqual([]);

    ok = false;
    await click(button(page, 'Verify the event log'));
    expect(text(page.querySelector('[data-testid=integrity-broken]'))).toContain('Event 9 was altered');
    expect(text(page.querySelector('[data-testid=first-break]'))).toContain('HASH_MISMATCH');
    expect(text(page.querySelector('[data-testid=unchained]'))).toContain('BL-X');
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('the access log', () => {
  it('searches by member of staff', async () => {
    const calls = mockFetch((path) => {
      if (path === '/api/v1/staff/me') return me('auditor', 'AUDITOR');
      if (path === '/api/v1/audit/access?viewer=handler') return [200, VIEWS];
      return [404];
    });
    const page = await renderApp('/staff/audit/access');
    await click(button(page, 'Search by member of staff'));
    expect(text(page.querySelector('#access-viewer-error'))).toContain('Enter a staff username');
    await type(page.querySelector('#access-viewer'), 'handler');
    await click(button(page, 'Search by member of staff'));
    expect(calls.at(-1)!.path).toBe('/api/v1/audit/access?viewer=handler');
    const cells = [...page.querySelectorAll('[data-testid=access-results] tbody td')].map(text);
    expect(cells.slice(1)).toEqual(['handler', 'CASE', CASE.reference, CASE.reference, 'CASE_VIEW', 'Caller rang']);
    expect(await axeViolations(page)).toEqual([]);
  });
});
