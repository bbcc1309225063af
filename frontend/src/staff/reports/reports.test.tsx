import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations, button, cleanup, click, me, mockFetch, renderApp, type, waitFor } from '../../test/harness';
import type { ContactReport } from './api';
import { intervalLabels } from './chartData';
import { comparePeriod, countChange, customPeriod, describePeriod, presetPeriod, rateChange, serviceLevel, stepFor, todayInLondon } from './periods';

afterEach(cleanup);

describe('report periods', () => {
  it('names today in London whatever the browser’s zone, and works out each preset', () => {
    expect(todayInLondon(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-28');
    expect(todayInLondon(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    const sunday = '2026-03-29';
    expect(presetPeriod('today', sunday)).toEqual({ from: '2026-03-29', to: '2026-03-30' });
    expect(presetPeriod('yesterday', sunday)).toEqual({ from: '2026-03-28', to: '2026-03-29' });
    expect(presetPeriod('this-week', sunday)).toEqual({ from: '2026-03-23', to: '2026-03-30' });
    expect(presetPeriod('last-week', sunday)).toEqual({ from: '2026-03-16', to: '2026-03-23' });
    expect(presetPeriod('this-month', sunday)).toEqual({ from: '2026-03-01', to: '2026-03-30' });
    expect(presetPeriod('last-month', '2026-01-15')).toEqual({ from: '2025-12-01', to: '2026-01-01' });
  });

  it('compares a period with the one before it or with 52 weeks earlier', () => {
    expect(comparePeriod({ from: '2026-03-29', to: '2026-03-30' }, 'previous')).toEqual({ from: '2026-03-28', to: '2026-03-29' });
    expect(comparePeriod({ from: '2026-03-23', to: '2026-03-30' }, 'previous')).toEqual({ from: '2026-03-16', to: '2026-03-23' });
    // A month so far against as many days of the month before, never more than it had.
    expect(comparePeriod({ from: '2026-03-01', to: '2026-03-11' }, 'previous')).toEqual({ from: '2026-02-01', to: '2026-02-11' });
    expect(comparePeriod({ from: '2026-03-01', to: '2026-03-31' }, 'previous')).toEqual({ from: '2026-02-01', to: '2026-03-01' });
    expect(comparePeriod({ from: '2026-02-01', to: '2026-03-01' }, 'previous')).toEqual({ from: '2026-01-01', to: '2026-02-01' });
    expect(comparePeriod({ from: '2026-03-29', to: '2026-03-30' }, 'year')).toEqual({ from: '2025-03-30', to: '2025-03-31' });
    expect(comparePeriod({ from: '2026-03-29', to: '2026-03-30' }, 'none')).toBeNull();
  });

  it('charts quarter hours for two days, hours for a fortnight, days beyond', () => {
    expect(stepFor({ from: '2026-03-28', to: '2026-03-30' })).toBe('QUARTER_HOUR');
    expect(stepFor({ from: '2026-03-16', to: '2026-03-30' })).toBe('HOUR');
    expect(stepFor({ from: '2026-03-01', to: '2026-04-01' })).toBe('DAY');
  });

  it('takes custom dates with the last day included, and says what is wrong with them', () => {
    expect(customPeriod({ day: '1', month: '3', year: '2026' }, { day: '31', month: '3', year: '2026' })).toEqual({
      from: '2026-03-01',
      to: '2026-04-01',
    });
    expect(customPeriod({ day: '30', month: '2', year: '2026' }, { day: '', month: '3', year: '2026' })).toEqual([
      { field: 'from-day', message: 'Enter the first day as a real date, for example 1 3 2026' },
      { field: 'to-day', message: 'Enter the last day as a real date, for example 31 3 2026' },
    ]);
    expect(customPeriod({ day: '2', month: '3', year: '2026' }, { day: '1', month: '3', year: '2026' })).toEqual([
      { field: 'to-day', message: 'The last day must be the same as or after the first day' },
    ]);
    expect(customPeriod({ day: '1', month: '1', year: '2025' }, { day: '1', month: '3', year: '2026' })).toEqual([
      { field: 'to-day', message: 'The period must be 400 days or shorter' },
    ]);
  });

  it('words periods and changes as people read them', () => {
    expect(describePeriod({ from: '2026-03-29', to: '2026-03-30' })).toBe('29 March 2026');
    expect(describePeriod({ from: '2026-03-23', to: '2026-03-30' })).toBe('23 to 29 March 2026');
    expect(describePeriod({ from: '2026-02-23', to: '2026-03-02' })).toBe('23 February to 1 March 2026');
    expect(countChange(12, 10)).toEqual({ text: '+2 (+20%)', direction: 'up' });
    expect(countChange(3, 0).text).toBe('+3');
    expect(countChange(5, 10).text).toBe('−5 (−50%)');
    expect(countChange(4, 4).text).toBe('No change');
    expect(rateChange(80, 75.5).text).toBe('+4.5 percentage points');
    expect(rateChange(null, 75).text).toBe('Not comparable');
    expect(serviceLevel({ offered: 11, shortAbandoned: 1, answeredWithinTarget: 8 })).toBe(80);
  });

  it('tells the two 01:00s apart on the day the clocks go back', () => {
    const starts = ['2026-10-25T00:45:00+01:00', '2026-10-25T01:00:00+01:00', '2026-10-25T01:00:00Z', '2026-10-25T02:00:00Z'];
    const labels = intervalLabels({ step: 'HOUR', intervals: starts.map((start) => ({ start, end: start, figures: figures(0) })) });
    expect(labels).toEqual(['00:45', '01:00 BST', '01:00 GMT', '02:00']);
  });
});

const figures = (offered: number, answered = 0) => ({
  offered,
  answered,
  abandoned: offered - answered,
  shortAbandoned: 0,
  answeredWithinTarget: answered,
  averageSpeedOfAnswerSeconds: answered ? 45 : 0,
  handled: answered,
  averageHandleSeconds: answered ? 300 : 0,
});

function report(from: string, to: string, offered: number, answered: number): ContactReport {
  return {
    channel: 'CHAT',
    from,
    to,
    step: 'QUARTER_HOUR',
    targetSeconds: 120,
    shortAbandonSeconds: 10,
    totals: figures(offered, answered),
    intervals: [
      { start: `${from}T09:00:00Z`, end: `${from}T09:15:00Z`, figures: figures(offered, answered) },
      { start: `${from}T09:15:00Z`, end: `${from}T09:30:00Z`, figures: figures(0) },
    ],
  };
}

describe('reports page', () => {
  it('shows a supervisor today’s chats beside yesterday’s, the handlers and the files, and checks custom dates', async () => {
    const today = todayInLondon();
    const yesterday = presetPeriod('yesterday', today).from;
    const calls = mockFetch((path) => {
      if (path === '/api/v1/staff/me') return me('supervisor', 'SUPERVISOR');
      if (path.startsWith('/api/v1/staff/supervisor/reports/contacts?')) {
        const from = new URLSearchParams(path.split('?')[1]).get('from')!;
        return [200, from === today ? report(today, presetPeriod('today', today).to, 12, 10) : report(yesterday, today, 10, 10)];
      }
      if (path.startsWith('/api/v1/staff/supervisor/reports/handlers?'))
        return [
          200,
          {
            from: today,
            to: today,
            handlers: [{ handler: 'sam', availableSeconds: 7200, busySeconds: 1800, onContactsSeconds: 4500, occupancy: 0.5 }],
          },
        ];
      return [200, []];
    });
    const page = await renderApp('/staff/supervisor/reports');
    await waitFor(() => page.querySelector('[data-testid=report-totals]') !== null);
    const totals = page.querySelector('[data-testid=report-totals]')!;
    const offered = [...totals.querySelectorAll('tbody tr')].find((r) => r.querySelector('th')?.textContent === 'Offered')!;
    expect([...offered.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['12', '10', '+2 (+20%)']);
    expect(totals.textContent).toContain('Share answered within target');
    expect(calls.some((c) => c.path.includes(`from=${yesterday}&to=${today}`))).toBe(true);
    expect(page.querySelector('[data-testid=handler-table] tbody')?.textContent).toContain('2 hours');
    expect(page.querySelector('[data-testid=handler-table] tbody')?.textContent).toContain('50%');
    expect(page.querySelector('[data-testid=interval-table] tbody')?.querySelectorAll('tr')).toHaveLength(1);
    expect(page.querySelector('[data-testid=contacts-csv]')?.getAttribute('href')).toBe(
      `/api/v1/staff/supervisor/reports/contacts.csv?channel=CHAT&from=${today}&to=${presetPeriod('today', today).to}`,
    );
    expect(page.querySelector('canvas[role=img][data-testid=volume-chart]')?.getAttribute('aria-label')).toContain('table below');
    expect(await axeViolations(page)).toEqual([]);

    await click(page.querySelector<HTMLElement>('input[name=period][value=custom]')!);
    await type(page.querySelector('#from-day'), '31');
    await type(page.querySelector('#from-month'), '2');
    await type(page.querySelector('#from-year'), '2026');
    await click(button(page, 'Show report'));
    expect(page.querySelector('.govuk-error-summary')?.textContent).toContain('Enter the first day as a real date');
    expect(page.querySelector('#from-error')?.textContent).toContain('Enter the first day as a real date');
    expect(document.title).toMatch(/^Error: /);
    expect(await axeViolations(page)).toEqual([]);
  }, 20_000);
});
