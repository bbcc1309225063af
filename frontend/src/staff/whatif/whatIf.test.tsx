import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations, button, cleanup, click, me, mockFetch, renderApp, type, waitFor } from '../../test/harness';
import type { WhatIfResult } from './api';
import { hourSeries, targetWords, wholeNumber } from './whatIfChartData';

afterEach(cleanup);

const figures = (offered: number, answered: number, asa: number, abandoned: number) => ({
  offered,
  answered,
  abandoned,
  stillWaiting: offered - answered - abandoned,
  averageSpeedOfAnswerSeconds: asa,
  averageWaitSeconds: asa * 1.5,
  answeredWithinTargetPercent: 70.5,
  abandonedPercent: Math.round((1000 * abandoned) / offered) / 10,
  longestWaitSeconds: asa * 4,
});

const RESULT: WhatIfResult = {
  date: '2026-12-01',
  channels: [
    {
      channel: 'PHONE',
      capacity: 1,
      targetSeconds: 60,
      handlerSecondsOnTheDay: 86400,
      handlerSecondsInScenario: 57600,
      actual: figures(200, 180, 42, 20),
      asStaffed: figures(200, 181, 40, 19),
      scenario: figures(200, 150, 95, 50),
    },
    { channel: 'WEB', capacity: 5, targetSeconds: 14400, handlerSecondsOnTheDay: 86400, handlerSecondsInScenario: 86400, ...empty() },
  ],
  hours: [
    { hour: 9, channel: 'PHONE', actual: figures(20, 18, 30, 2), scenario: figures(20, 15, 80, 5) },
    { hour: 11, channel: 'PHONE', actual: figures(25, 20, 50, 5), scenario: figures(25, 10, 200, 15) },
  ],
};

function empty() {
  const none = {
    offered: 0,
    answered: 0,
    abandoned: 0,
    stillWaiting: 0,
    averageSpeedOfAnswerSeconds: 0,
    averageWaitSeconds: 0,
    answeredWithinTargetPercent: 0,
    abandonedPercent: 0,
    longestWaitSeconds: 0,
  };
  return { actual: none, asStaffed: none, scenario: none };
}

describe('the what-if replay page', () => {
  it('sends the day and the plan, and shows the day beside the plan per channel and by hour', async () => {
    const calls = mockFetch((path, call) => {
      if (path === '/api/v1/staff/me') return me('supervisor', 'SUPERVISOR');
      if (path === '/api/v1/staff/supervisor/what-if' && call.method === 'POST') {
        const body = call.body as { channels: { channel: string; capacity?: number }[] };
        return body.channels.some((c) => c.capacity === 0)
          ? [400, { errors: [{ field: 'PHONE.capacity', message: 'Contacts at once must be a number from 1 to 20' }] }]
          : [200, RESULT];
      }
      return [200, { channels: [], waitsByHour: [] }];
    });
    const page = await renderApp('/staff/supervisor/what-if');
    await waitFor(() => page.querySelector('h1')?.textContent === 'What if: replay a past day');

    await click(button(page, 'Replay the day'));
    expect(page.querySelector('.govuk-error-summary')?.textContent).toContain('Enter the day to replay');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await type(page.querySelector('#whatif-date-day'), '1');
    await type(page.querySelector('#whatif-date-month'), '12');
    await type(page.querySelector('#whatif-date-year'), '2026');
    await type(page.querySelector('#whatif-PHONE-handlerChange'), 'one');
    await click(button(page, 'Replay the day'));
    expect(page.querySelector('.govuk-error-summary a')?.getAttribute('href')).toBe('#whatif-PHONE-handlerChange');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await type(page.querySelector('#whatif-PHONE-handlerChange'), '-1');
    await type(page.querySelector('#whatif-PHONE-capacity'), '0');
    await click(button(page, 'Replay the day'));
    await waitFor(() => page.querySelector('#whatif-PHONE-capacity-error') !== null);
    expect(page.querySelector('.govuk-error-summary a')?.getAttribute('href')).toBe('#whatif-PHONE-capacity');

    await type(page.querySelector('#whatif-PHONE-capacity'), '');
    await type(page.querySelector('#whatif-PHONE-handlersByHour-12'), '2');
    await click(button(page, 'Replay the day'));
    await waitFor(() => page.querySelector('[data-testid=whatif-results]') !== null);
    const sent = calls.filter((c) => c.method === 'POST').at(-1)?.body as { date: string; channels: Record<string, unknown>[] };
    expect(sent.date).toBe('2026-12-01');
    expect(sent.channels).toHaveLength(1);
    expect(sent.channels[0]).toMatchObject({ channel: 'PHONE', handlerChange: -1, handlers: null, capacity: null });
    expect((sent.channels[0].handlersByHour as (number | null)[])[12]).toBe(2);

    const tables = page.querySelectorAll('[data-testid=whatif-channel]');
    expect(tables).toHaveLength(1);
    const text = tables[0].textContent ?? '';
    expect(text).toContain('Replayed as staffed');
    expect(tables[0].querySelector('[data-testid=whatif-handler-time]')?.textContent).toContain('16 hours');
    expect(text).toContain('Answered within 60 seconds (of all contacts)');
    expect(text).not.toContain('PHONE');
    expect(page.querySelector('[data-testid=whatif-hours]')?.textContent).toContain('11:00');
    expect(page.querySelector('[data-testid=whatif-chart]')?.getAttribute('aria-label')).toContain('table below');
    expect(await axeViolations(page)).toEqual([]);
  }, 20_000);

  it('reads typed numbers and charts each hour, leaving hours without answers empty', () => {
    expect(wholeNumber('')).toBeNull();
    expect(wholeNumber(' -2 ')).toBe(-2);
    expect(wholeNumber('1.5')).toBe('invalid');
    expect([60, 120, 14400, 90].map(targetWords)).toEqual(['60 seconds', '2 minutes', '4 hours', '90 seconds']);
    const series = hourSeries(RESULT.hours, 'PHONE');
    expect(series.actual).toHaveLength(24);
    expect(series.actual.slice(9, 12)).toEqual([30, null, 50]);
    expect(series.scenario[11]).toBe(200);
  });
});
