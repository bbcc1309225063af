import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { axeViolations, button, cleanup, click, me, mockFetch, renderApp, settle, type, type Answer, type Call } from '../../test/harness';
import type { ErasureRow, SubjectExport } from './dataProtectionApi';
import { POLL_MS } from './DataProtection';

afterEach(cleanup);

const REF = 'BL-2026-000123';
const CONTACT = '6f1c1d2e-8a7b-4c3d-9e0f-112233445566';
const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const ERASED: ErasureRow = {
  erasure_id: 'er-1',
  request_id: 'er-1',
  subject_id: CONTACT,
  legal_basis: 'UK_GDPR_ARTICLE_17',
  reason: 'DP-2026-0042',
  approved_by: 'admin',
  erased_at: '2026-11-21T09:00:00Z',
  rebuilds: { 'case-view': 'COMPLETED', queues: 'RUNNING' },
};
const EXPORT: SubjectExport = {
  subjectId: CONTACT,
  subjects: [CONTACT],
  erased: false,
  erasure: null,
  erasures: [],
  contactsAndCases: [REF, CONTACT],
  events: [
    { eventId: 'e1', stream: CONTACT, type: 'ContactReceived', occurredAt: '2026-11-20T10:00:00Z', payload: { name: 'Sam Example' } },
    { eventId: 'e2', stream: REF, type: 'CaseOpened', occurredAt: '2026-11-20T10:01:00Z', payload: {} },
  ],
  viewedBy: [],
  records: { case_view: [{ reference: REF }], access_log: [] },
};

/** An admin's session; `more` answers the data-protection calls. */
const asAdmin =
  (more: (path: string, call: Call) => Answer | undefined) =>
  (path: string, call: Call): Answer => {
    if (path === '/api/v1/staff/me') return me('admin', 'ADMIN');
    return more(path, call) ?? [404];
  };
const listOnly = (rows: ErasureRow[]) => asAdmin((path) => (path === '/api/v1/admin/erasures' ? [200, rows] : undefined));

let blobs: Blob[];
beforeEach(() => {
  blobs = [];
  // jsdom has no object URLs: record what would be offered for download.
  URL.createObjectURL = vi.fn((b: Blob) => (blobs.push(b), `blob:http://localhost/${blobs.length}`));
  URL.revokeObjectURL = vi.fn();
});

describe('who gets data protection', () => {
  it('an administrator has a Data protection link next to Audit, and one to the dead letters', async () => {
    mockFetch(listOnly([]));
    const page = await renderApp('/staff/audit');
    const nav = page.querySelector('nav[aria-label="Staff areas"]')!;
    expect([...nav.querySelectorAll('a')].map(text)).toEqual(['Audit', 'Data protection', 'Dead letters', 'Retention reviews']);
    expect(nav.querySelector('a[href="/staff/data-protection"]')).not.toBeNull();
  });

  it('auditors have no link and are refused the page, and nothing is fetched', async () => {
    const calls = mockFetch((path) => (path === '/api/v1/staff/me' ? me('auditor', 'AUDITOR') : [200, []]));
    const page = await renderApp('/staff/data-protection');
    expect(text(page.querySelector('h1'))).toBe('You cannot see this page');
    expect(text(page.querySelector('nav[aria-label="Staff areas"]'))).not.toContain('Data protection');
    expect(calls.some((c) => c.path.startsWith('/api/v1/admin/'))).toBe(false);
  });
});

describe('the erasures made', () => {
  it('are listed with the law in plain English and whether the read models are scrubbed yet', async () => {
    mockFetch(
      listOnly([ERASED, { ...ERASED, erasure_id: 'er-0', subject_id: 'c-0', legal_basis: 'DPA_2018_S47', rebuilds: { 'case-view': 'COMPLETED' } }]),
    );
    const page = await renderApp('/staff/data-protection');
    expect(document.title).toBe('Data protection – Blue Lamp');
    const rows = [...page.querySelectorAll('[data-testid=erasures] tbody tr')];
    expect(rows.map((r) => [...r.querySelectorAll('td')].slice(1).map(text))).toEqual([
      [CONTACT, 'UK GDPR Article 17 (right to erasure)', 'DP-2026-0042', 'admin', 'Rebuilding read models: 1 of 2 done'],
      ['c-0', 'Data Protection Act 2018, section 47 (law enforcement processing)', 'DP-2026-0042', 'admin', 'Read models scrubbed'],
    ]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('are asked for again while a scrub is still running, and no longer once it is done', async () => {
    let answers = 0;
    const calls = mockFetch(
      asAdmin((path) => {
        if (path !== '/api/v1/admin/erasures') return undefined;
        answers++;
        return [200, [answers === 1 ? ERASED : { ...ERASED, rebuilds: { 'case-view': 'COMPLETED', queues: 'COMPLETED' } }]];
      }),
    );
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const page = await renderApp('/staff/data-protection');
      expect(text(page.querySelector('[data-testid=erasures] tbody'))).toContain('1 of 2 done');
      await act(() => vi.advanceTimersByTimeAsync(POLL_MS));
      await settle();
      expect(text(page.querySelector('[data-testid=erasures] tbody'))).toContain('Read models scrubbed');
      await act(() => vi.advanceTimersByTimeAsync(POLL_MS * 3));
      await settle();
      expect(calls.filter((c) => c.path === '/api/v1/admin/erasures')).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('a subject access export', () => {
  it('needs the person and a reason, then sends the reason and offers the file with a summary', async () => {
    const READABLE = '<!DOCTYPE html><html lang="en"><body><h1>What the police hold about you</h1></body></html>';
    const calls = mockFetch(
      asAdmin((path) =>
        path === '/api/v1/admin/erasures'
          ? [200, []]
          : path.startsWith('/api/v1/admin/subject-access') && path.includes('format=html')
            ? [200, READABLE]
            : path.startsWith('/api/v1/admin/subject-access')
              ? [200, EXPORT]
              : undefined,
      ),
    );
    const page = await renderApp('/staff/data-protection');
    await click(button(page, 'Export their data'));
    const summary = page.querySelector('.govuk-error-summary')!;
    expect([...summary.querySelectorAll('a')].map((a) => [a.getAttribute('href'), text(a)])).toEqual([
      ['#sar-person', 'Enter a case reference or contact ID'],
      ['#sar-reason', 'Enter a reason'],
    ]);
    expect(document.title).toBe('Error: Data protection – Blue Lamp');
    expect(calls.some((c) => c.path.startsWith('/api/v1/admin/subject-access'))).toBe(false);

    await type(page.querySelector('#sar-person'), ` ${REF.toLowerCase()} `);
    await type(page.querySelector('#sar-reason'), 'SAR-2026-17 \u2013 request by post');
    await click(button(page, 'Export their data'));
    const sar = calls.find((c) => c.path.startsWith('/api/v1/admin/subject-access'))!;
    expect(sar.path).toBe(`/api/v1/admin/subject-access?reference=${REF}`);
    expect(sar.headers['x-access-reason']).toBe('SAR-2026-17 - request by post');
    expect(page.querySelector('.govuk-error-summary')).toBeNull();

    expect(text(page.querySelector('[data-testid=sar-result] h3'))).toBe(`Export for case ${REF}`);
    expect(document.activeElement).toBe(page.querySelector('[data-testid=sar-result] h3'));
    const facts = [...page.querySelectorAll('[data-testid=sar-summary] .govuk-summary-list__row')].map((r) => [
      text(r.querySelector('dt')),
      text(r.querySelector('dd')),
    ]);
    expect(facts).toEqual([
      ['Contacts and cases', `${REF}, ${CONTACT}`],
      ['Events', '2 events'],
      ['Other records', '1 row in 1 table'],
      ['Personal data erased', 'No'],
    ]);
    const link = page.querySelector<HTMLAnchorElement>('[data-testid=sar-download]')!;
    expect(link.getAttribute('href')).toBe('blob:http://localhost/1');
    expect(link.getAttribute('download')).toBe(`subject-access-${REF}.json`);
    expect(text(link)).toBe(`Download the export (JSON, 1 KB) for case ${REF}`);
    expect(JSON.parse(await blobs[0].text())).toEqual(EXPORT);
    // The same export as a page the person can read, asked for with the same reason.
    const readable = calls.find((c) => c.path.includes('format=html'))!;
    expect(readable.path).toBe(`/api/v1/admin/subject-access?reference=${REF}&format=html`);
    expect(readable.headers['x-access-reason']).toBe('SAR-2026-17 - request by post');
    const pageLink = page.querySelector<HTMLAnchorElement>('[data-testid=sar-page]')!;
    expect(pageLink.getAttribute('download')).toBe(`subject-access-${REF}.html`);
    expect(text(pageLink)).toBe(`Download it as a page the person can read (HTML, 1 KB) for case ${REF}`);
    expect(await blobs[1].text()).toContain('What the police hold about you');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('says so, on the person field, when nothing is held about them', async () => {
    mockFetch(
      asAdmin((path) =>
        path === '/api/v1/admin/erasures'
          ? [200, []]
          : path.startsWith('/api/v1/admin/subject-access')
            ? [404, { detail: 'No personal data is held for that case or contact' }]
            : undefined,
      ),
    );
    const page = await renderApp('/staff/data-protection');
    await type(page.querySelector('#sar-person'), CONTACT);
    await type(page.querySelector('#sar-reason'), 'SAR-2026-18');
    await click(button(page, 'Export their data'));
    const link = page.querySelector('.govuk-error-summary a')!;
    expect([link.getAttribute('href'), text(link)]).toEqual(['#sar-person', 'No personal data is held for that case or contact']);
    expect(text(page.querySelector('#sar-person-error'))).toContain('No personal data is held');
    expect(page.querySelector('[data-testid=sar-result]')).toBeNull();
    expect(blobs).toHaveLength(0);
  });
});

describe('erasing a person', () => {
  const posts = (calls: Call[]) => calls.filter((c) => c.method === 'POST' && c.path === '/api/v1/admin/erasures');

  it('checks the form, asks for confirmation, then erases, says so and shows it in the list', async () => {
    document.cookie = 'XSRF-TOKEN=from-the-cookie';
    let erasedYet = false;
    const calls = mockFetch(
      asAdmin((path, call) => {
        if (path.startsWith('/api/v1/admin/subject-access')) return [200, EXPORT];
        if (path !== '/api/v1/admin/erasures') return undefined;
        if (call.method === 'POST') {
          erasedYet = true;
          return [
            201,
            {
              erasureId: 'er-1',
              subjectId: CONTACT,
              legalBasis: 'UK_GDPR_ARTICLE_17',
              approvedBy: 'admin',
              erasedAt: ERASED.erased_at,
              rebuilds: {},
            },
          ];
        }
        return [200, erasedYet ? [ERASED] : []];
      }),
    );
    const page = await renderApp('/staff/data-protection');
    expect(text(page.querySelector('#erasures-heading')?.parentElement ?? null)).toContain("No one's personal data has been erased");
    // An export first, as an officer would before erasing.
    await type(page.querySelector('#sar-person'), REF);
    await type(page.querySelector('#sar-reason'), 'SAR-2026-19');
    await click(button(page, 'Export their data'));
    expect(text(page.querySelector('[data-testid=sar-result] h3'))).toBe(`Export for case ${REF}`);
    const labels = [...page.querySelectorAll('input[name=erase-basis] + label')].map(text);
    expect(labels).toEqual(['Data Protection Act 2018, section 47 (law enforcement processing)', 'UK GDPR Article 17 (right to erasure)']);
    expect(text(page.querySelector('#erase-reason-hint'))).toContain("Never put the person's details here");

    await click(button(page, 'Continue'));
    expect([...page.querySelectorAll('.govuk-error-summary a')].map((a) => a.getAttribute('href'))).toEqual([
      '#erase-person',
      '#erase-basis',
      '#erase-reason',
    ]);

    await type(page.querySelector('#erase-person'), REF);
    await click(page.querySelector<HTMLInputElement>('#erase-basis-2')!);
    await type(page.querySelector('#erase-reason'), 'DP-2026-0042');
    await click(button(page, 'Continue'));
    expect(posts(calls)).toHaveLength(0);
    const confirm = page.querySelector('[data-testid=erase-confirm]')!;
    expect(text(confirm.querySelector('h3'))).toBe(`Check before you erase case ${REF}`);
    expect(document.activeElement).toBe(confirm.querySelector('h3'));
    expect(text(confirm.querySelector('.govuk-warning-text'))).toContain('This cannot be undone');
    expect(text(confirm.querySelector('dl'))).toContain('UK GDPR Article 17 (right to erasure)');
    expect(await axeViolations(page)).toEqual([]);

    // Cancel keeps what was typed.
    await click(button(page, 'Cancel'));
    expect(page.querySelector<HTMLInputElement>('#erase-person')!.value).toBe(REF);
    await click(button(page, 'Continue'));

    await click(button(page, "Erase this person's data"));
    expect(posts(calls)).toHaveLength(1);
    expect(posts(calls)[0].body).toEqual({ reference: REF, legalBasis: 'UK_GDPR_ARTICLE_17', reason: 'DP-2026-0042' });
    expect(posts(calls)[0].headers['x-xsrf-token']).toBe('from-the-cookie');
    const banner = page.querySelector('[data-testid=erased]')!;
    expect(text(banner)).toContain(`The personal data of case ${REF} has been erased`);
    expect(document.activeElement).toBe(banner);
    expect(text(page.querySelector('[data-testid=erasures] tbody'))).toContain('DP-2026-0042');
    // The form is ready for the next request, empty; the export from before, now untrue, is gone with its file.
    expect(page.querySelector<HTMLInputElement>('#erase-person')!.value).toBe('');
    expect(page.querySelector('[data-testid=sar-result]')).toBeNull();
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:http://localhost/1');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows a refusal in the error summary, linked to the field', async () => {
    mockFetch(
      asAdmin((path, call) =>
        path !== '/api/v1/admin/erasures'
          ? undefined
          : call.method === 'POST'
            ? [409, { detail: "That person's personal data is already erased" }]
            : [200, [ERASED]],
      ),
    );
    const page = await renderApp('/staff/data-protection');
    await type(page.querySelector('#erase-person'), CONTACT);
    await click(page.querySelector<HTMLInputElement>('#erase-basis')!);
    await type(page.querySelector('#erase-reason'), 'DP-2026-0043');
    await click(button(page, 'Continue'));
    await click(button(page, "Erase this person's data"));
    const link = page.querySelector('.govuk-error-summary a')!;
    expect([link.getAttribute('href'), text(link)]).toEqual(['#erase-person', "That person's personal data is already erased"]);
    expect(page.querySelector('#erase-person')).not.toBeNull();
    expect(page.querySelector('[data-testid=erased]')).toBeNull();
  });
});
