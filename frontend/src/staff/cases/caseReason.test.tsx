import { afterEach, describe, expect, it } from 'vitest';
import { CASE } from '../../test/fixtures';
import { axeViolations, button, cleanup, click, me, mockFetch, renderApp, type } from '../../test/harness';

const REFUSED = [428, { title: 'Reason required', detail: 'Say why you are opening this record.', reasonRequired: true }] as const;

afterEach(cleanup);

describe('a record that needs a reason (428)', () => {
  it('asks why, refuses a blank reason, retries with X-Access-Reason and keeps sending it after an action', async () => {
    const calls = mockFetch((path, call) => {
      if (path === '/api/v1/staff/me') return me('handler', 'HANDLER');
      if (path === `/api/v1/staff/cases/${CASE.reference}`) return call.headers['x-access-reason'] ? [200, CASE] : [...REFUSED];
      if (path.endsWith('/notes')) return [204];
      return [404];
    });
    const page = await renderApp(`/staff/cases/${CASE.reference}`);

    expect(page.querySelector('label[for="access-reason"]')?.textContent).toBe('Why are you opening this record?');
    expect(page.textContent).toContain('Say why you are opening this record.');
    expect(page.querySelector('[data-testid=case-summary]')).toBeNull();
    expect(await axeViolations(page)).toEqual([]);

    await click(button(page, 'Continue'));
    expect(page.querySelector('.govuk-error-summary')?.textContent).toContain('Enter a reason');
    expect(page.querySelector('#access-reason-error')?.textContent).toContain('Enter a reason');
    expect(calls.filter((c) => c.path.startsWith('/api/v1/staff/cases/'))).toHaveLength(1);

    await type(page.querySelector('#access-reason'), 'Caller rang about\nthe case – “urgent”');
    await click(button(page, 'Continue'));
    const gets = calls.filter((c) => c.path === `/api/v1/staff/cases/${CASE.reference}`);
    expect(gets).toHaveLength(2);
    expect(gets[1].headers['x-access-reason']).toBe('Caller rang about the case - "urgent"');
    expect(page.querySelector('[data-testid=case-summary]')?.textContent).toContain('Under review');
    expect(page.querySelector('#access-reason')).toBeNull();

    // An action reloads the case: the same reason goes with it, no second question.
    await type(page.querySelector('#note-text'), 'Checked CCTV');
    await click(button(page, 'Add internal note'));
    const after = calls.filter((c) => c.path === `/api/v1/staff/cases/${CASE.reference}`);
    expect(after).toHaveLength(3);
    expect(after[2].headers['x-access-reason']).toBe('Caller rang about the case - "urgent"');
    expect(page.querySelector('#access-reason')).toBeNull();
  });

  it('a contact asks the same question and sends the reason on the retry', async () => {
    const contact = { contactId: 'c-9', channel: 'WEB', state: 'CLOSED', reference: 'BL-2026-000124', description: 'Shed broken into' };
    const calls = mockFetch((path, call) => {
      if (path === '/api/v1/staff/me') return me('handler', 'HANDLER');
      if (path === '/api/v1/staff/contacts/c-9') return call.headers['x-access-reason'] ? [200, contact] : [...REFUSED];
      if (path === '/api/v1/staff/availability') return [200, []];
      return [404];
    });
    const page = await renderApp('/staff/contacts/c-9');
    expect(page.querySelector('label[for="access-reason"]')?.textContent).toBe('Why are you opening this record?');
    await type(page.querySelector('#access-reason'), 'Follow-up call');
    await click(button(page, 'Continue'));
    expect(page.textContent).toContain('Shed broken into');
    expect(calls.filter((c) => c.path === '/api/v1/staff/contacts/c-9').map((c) => c.headers['x-access-reason'])).toEqual([
      undefined,
      'Follow-up call',
    ]);
  });

  it('an auditor reads the case with a reason but gets no forms to act on it', async () => {
    mockFetch((path, call) => {
      if (path === '/api/v1/staff/me') return me('auditor', 'AUDITOR');
      if (path === `/api/v1/staff/cases/${CASE.reference}`) return call.headers['x-access-reason'] ? [200, CASE] : [...REFUSED];
      return [404];
    });
    const page = await renderApp(`/staff/cases/${CASE.reference}`);
    await type(page.querySelector('#access-reason'), 'Quality review');
    await click(button(page, 'Continue'));
    expect(page.querySelector('[data-testid=case-summary]')?.textContent).toContain('Under review');
    expect(page.querySelectorAll('main form, main textarea')).toHaveLength(0);
  });

  it('an auditor searching by a name says why first, and the reason goes with the search', async () => {
    const row = { reference: CASE.reference, name: 'Sam Jones', categoryLabel: 'Theft', statusLabel: 'Under review' };
    const calls = mockFetch((path, call) => {
      if (path === '/api/v1/staff/me') return me('auditor', 'AUDITOR');
      if (path.startsWith('/api/v1/staff/cases?')) return call.headers['x-access-reason'] ? [200, [row]] : [...REFUSED];
      return [404];
    });
    const page = await renderApp('/staff/cases');
    await type(page.querySelector('#q'), 'Sam Jones');
    await click(button(page, 'Search'));
    expect(page.querySelector('label[for="access-reason"]')?.textContent).toBe('Why are you searching these records?');
    expect(page.textContent).not.toContain('Sam Jones');
    await type(page.querySelector('#access-reason'), 'Complaint review 42');
    await click(button(page, 'Continue'));
    expect(page.querySelector('table')?.textContent).toContain('Sam Jones');
    expect(calls.filter((c) => c.path.startsWith('/api/v1/staff/cases')).map((c) => c.headers['x-access-reason'])).toEqual([
      undefined,
      'Complaint review 42',
    ]);
    expect(calls.some((c) => c.path === '/api/v1/staff/cases/due')).toBe(false);
  });

  it('a reason the server still refuses is shown on the field', async () => {
    mockFetch((path) => {
      if (path === '/api/v1/staff/me') return me('handler', 'HANDLER');
      if (path.startsWith('/api/v1/staff/cases/'))
        return [428, { title: 'Reason required', detail: 'Give a reason of at least 10 characters', reasonRequired: true }];
      return [404];
    });
    const page = await renderApp(`/staff/cases/${CASE.reference}`);
    await type(page.querySelector('#access-reason'), 'x');
    await click(button(page, 'Continue'));
    expect(page.querySelector('#access-reason-error')?.textContent).toContain('Give a reason of at least 10 characters');
  });
});
