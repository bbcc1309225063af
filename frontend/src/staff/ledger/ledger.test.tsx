import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations, button, cleanup, click, me, mockFetch, renderApp, type, waitFor } from '../../test/harness';
import { monthParam, percentText } from './ledgerLogic';

afterEach(cleanup);

const MAY = {
  month: '2026-05',
  asAt: '2026-06-01T00:00:00Z',
  rights: [
    { right: 'UPDATES', rightLabel: 'Updates as often as the victim chose', met: 7, missed: 1, pending: 0, total: 8, percentMet: 87.5 },
    {
      right: 'KEY_DECISIONS',
      rightLabel: 'Key decisions told within 5 working days (1 under Enhanced Rights)',
      met: 0,
      missed: 1,
      pending: 0,
      total: 1,
      percentMet: 0,
    },
    { right: 'CRIME_RECORDING', rightLabel: 'Crime-recording decision within 24 hours', met: 0, missed: 0, pending: 0, total: 0 },
  ],
};

const CASE = {
  reference: 'BL-2026-000123',
  asAt: '2026-06-01T00:00:00Z',
  obligations: [
    {
      right: 'KEY_DECISIONS',
      rightLabel: 'Key decisions told within 5 working days (1 under Enhanced Rights)',
      aroseAt: '2026-05-01T09:00:00Z',
      dueAt: '2026-05-05T09:00:00Z',
      metAt: '2026-05-06T09:00:00Z',
      status: 'MISSED',
      statusLabel: 'Missed',
    },
  ],
};

describe("the Victims' Code ledger", () => {
  it('shows a month’s totals in words, with a CSV link for the same moment, and one case’s promises', async () => {
    const calls = mockFetch((path) => {
      if (path === '/api/v1/staff/me') return me('auditor', 'AUDITOR');
      if (path.startsWith('/api/v1/staff/supervisor/victims-code/cases/')) return [200, CASE];
      if (path.startsWith('/api/v1/staff/supervisor/victims-code')) return [200, MAY];
      return [200, []];
    });
    const page = await renderApp('/staff/supervisor/victims-code');
    await waitFor(() => page.querySelector('[data-testid=ledger-totals]') !== null);
    const totals = page.querySelector('[data-testid=ledger-totals]')!.textContent!;
    expect(totals).toContain('May 2026');
    expect(totals).toContain('Updates as often as the victim chose');
    expect(totals).toContain('87.5%');
    expect(totals).toContain('None decided yet');
    expect(totals).not.toContain('KEY_DECISIONS');
    const csv = page.querySelector('a[download]')!.getAttribute('href')!;
    expect(csv).toContain('/api/v1/staff/supervisor/victims-code/export?month=2026-05&asAt=2026-06-01T00%3A00%3A00Z');

    await type(page.querySelector('#ledger-month-month'), '13');
    await click(button(page, 'Show the month'));
    expect(page.querySelector('.govuk-error-summary')?.textContent).toContain('Month must be a number from 1 to 12');

    await type(page.querySelector('#ledger-month-month'), '5');
    await type(page.querySelector('#ledger-month-year'), '2026');
    await click(button(page, 'Show the month'));
    await waitFor(() => calls.some((c) => c.path === '/api/v1/staff/supervisor/victims-code?month=2026-05'));

    await type(page.querySelector('#ledger-reference'), 'BL-2026-000123');
    await click(button(page, "Show the case's promises"));
    await waitFor(() => page.querySelector('[data-testid=case-ledger]') !== null);
    expect(page.querySelector('[data-testid=case-ledger]')!.textContent).toContain('Missed');
    expect(page.querySelector('[data-testid=case-ledger]')!.textContent).not.toContain('MISSED');
    expect(await axeViolations(page)).toEqual([]);
  }, 20_000);

  it('checks the month and words the percentage', () => {
    expect(monthParam({ month: '5', year: '2026' })).toBe('2026-05');
    expect(monthParam({ month: '', year: '' })).toEqual([{ field: 'ledger-month-month', message: 'Enter the month and year' }]);
    expect(monthParam({ month: '12', year: '26' })).toEqual([
      { field: 'ledger-month-year', message: 'Year must be a year from 2000 to 2099, like 2026' },
    ]);
    expect(percentText(100)).toBe('100.0%');
    expect(percentText(null)).toBe('None decided yet');
  });
});
