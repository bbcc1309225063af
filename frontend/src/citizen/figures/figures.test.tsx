import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations, cleanup, mockFetch, renderApp, waitFor } from '../../test/harness';
import { recentMonths } from './Figures';

afterEach(cleanup);

describe('the public figures', () => {
  it('counts months back in the force’s time zone, across a year end', () => {
    expect(recentMonths(new Date('2027-01-31T23:30:00Z'), 3)).toEqual(['2027-01', '2026-12', '2026-11']);
    // Half past midnight on 1 June in London is still 31 May in UTC.
    expect(recentMonths(new Date('2026-05-31T23:30:00Z'), 1)).toEqual(['2026-06']);
  });

  it('shows last month by default, says what is withheld and why, and offers the CSV', async () => {
    const calls = mockFetch((path) =>
      path.startsWith('/api/v1/public/figures')
        ? [
            200,
            {
              month: new URL(path, 'http://x').searchParams.get('month'),
              suppressedBelow: 10,
              channels: [
                {
                  channel: 'CHAT',
                  offered: 120,
                  answered: 100,
                  abandoned: 20,
                  abandonedPercent: 16.7,
                  averageSecondsToAnswer: 75,
                  targetSeconds: 120,
                  answeredWithinTargetPercent: 81.5,
                },
                { channel: 'PHONE', offered: null, answered: null, abandoned: null, targetSeconds: 60 },
              ],
              victimsCode: [
                { right: 'UPDATES', label: 'Updates as often as the victim chose', met: 95, missed: 12, pending: 30, percentMet: 88.8 },
                {
                  right: 'KEY_DECISIONS',
                  label: 'Key decisions told within 5 working days (1 under Enhanced Rights)',
                  met: 40,
                  missed: null,
                  pending: 0,
                  percentMet: null,
                },
              ],
            },
          ]
        : [404],
    );
    const page = await renderApp('/figures');
    await waitFor(() => page.querySelector('[data-testid=public-figures]') !== null);
    const lastMonth = recentMonths(new Date())[1];
    expect(calls[0].path).toBe(`/api/v1/public/figures?month=${lastMonth}`);
    const table = page.querySelector('[data-testid=public-figures]')!.textContent!;
    expect(table).toContain('Live chat');
    expect(table).toContain('1 min 15 s');
    expect(table).toContain('81.5%');
    expect(table).toContain('20 (16.7%)');
    expect(table).toContain('Withheld');
    expect(page.textContent).toContain('fewer than 10 contacts');
    const promises = page.querySelector('[data-testid=victims-code-figures]')!.textContent!;
    expect(promises).toContain('Updates as often as the victim chose');
    expect(promises).toContain('88.8%');
    expect(promises).toMatch(/\(1 under Enhanced Rights\)\s*40\s*Withheld/);
    expect(page.querySelector<HTMLAnchorElement>('a[download]')!.getAttribute('href')).toBe(`/api/v1/public/figures?month=${lastMonth}&format=csv`);
    expect(await axeViolations(page)).toEqual([]);
  }, 20_000);
});
