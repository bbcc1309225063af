import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { axeViolations, button, cleanup, click, me, mockFetch, renderApp, settle, type, type Call } from '../../test/harness';
import { accuracyText, biasText, gapText } from './planningText';

// jsdom has no 2D context; the chart then draws nothing and the tables carry the figures.
beforeEach(() => void vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null));
afterEach(async () => (await cleanup(), vi.restoreAllMocks()));

const days = (contacts: number) => Array.from({ length: 28 }, (_, i) => ({ date: `2027-03-${String(i + 1).padStart(2, '0')}`, contacts }));

const FORECAST = {
  from: '2027-03-01',
  channels: [
    {
      channel: 'PHONE',
      method: 'SEASONAL_TREND',
      historyDays: 84,
      backTest: { days: 14, method: 'SEASONAL_TREND', wape: 0.123, bias: -0.04 },
      days: days(210),
    },
    { channel: 'CHAT', method: 'SEASONAL_NAIVE', historyDays: 9, backTest: null, days: days(40) },
    { channel: 'WEB', method: 'NONE', historyDays: 0, backTest: null, days: days(0) },
  ],
};

const hour = (h: number, planned: number | null, available: number | null) => ({
  start: `2027-03-01T${String(h).padStart(2, '0')}:00:00Z`,
  time: `${String(h).padStart(2, '0')}:00`,
  contacts: h === 9 ? 20 : 0,
  channels: [{ channel: 'PHONE', contacts: h === 9 ? 20 : 0, needed: h === 9 ? 9 : 0 }],
  needed: h === 9 ? 9 : 0,
  neededOnRota: h === 9 ? 13 : 0,
  planned,
  available,
});

const STAFFING = {
  date: '2027-03-01',
  forecast: true,
  shrinkage: 0.3,
  chatConcurrency: 3,
  assumptions: [
    { channel: 'PHONE', model: 'ERLANG_C', serviceLevel: 0.8, answerWithinSeconds: 60, handleSeconds: 300, handleFromHistory: true },
    {
      channel: 'CHAT',
      model: 'ERLANG_A',
      serviceLevel: 0.8,
      answerWithinSeconds: 60,
      handleSeconds: 600,
      handleFromHistory: false,
      patienceSeconds: 120,
      patienceFromHistory: false,
    },
  ],
  hours: Array.from({ length: 24 }, (_, h) => hour(h, h === 9 ? 10 : null, h < 9 ? 2 : null)),
};

function serve(calls?: { planned?: number }) {
  return mockFetch((path, call: Call) => {
    if (path === '/api/v1/staff/me') return me('supervisor', 'SUPERVISOR');
    if (path === '/api/v1/staff/supervisor/planning/forecast') return [200, FORECAST];
    if (path.startsWith('/api/v1/staff/supervisor/planning/staffing')) return [200, STAFFING];
    if (path === '/api/v1/staff/supervisor/planning/plan' && call.method === 'PUT') {
      const body = call.body as { handlers: number };
      if (body.handlers > 999) return [400, { errors: [{ field: 'handlers', message: 'Enter the number of handlers, from 0 to 999' }] }];
      if (calls) calls.planned = body.handlers;
      return [200, [{ day: 'MONDAY', hour: 9, handlers: body.handlers }]];
    }
    if (path.startsWith('/api/v1/staff/supervisor/dead-letters')) return [200, { total: 0, readModels: [] }];
    return [404];
  });
}

describe('the planning page', () => {
  it('shows the forecast with its accuracy in words, says where history is short, and the gap by hour, without axe violations', async () => {
    serve();
    const page = await renderApp('/staff/supervisor/planning');
    await settle();
    expect(page.querySelector('h1')?.textContent).toBe('Planning');
    expect(page.querySelector('[data-testid=forecast-fallback]')?.textContent).toContain('under 2 weeks of history');
    const accuracy = page.querySelector('[data-testid=forecast-accuracy]')!.textContent!;
    expect(accuracy).toContain('12% out on the last 2 weeks');
    expect(accuracy).toContain('4% too low');
    expect(accuracy).toContain('Same day last week (under 2 weeks of history)');
    expect(accuracy).toContain('No history yet: no contacts expected');
    expect(accuracy).not.toMatch(/SEASONAL|NONE|PHONE/);
    expect(page.querySelector('canvas[role=img][data-testid=forecast-chart]')?.getAttribute('aria-label')).toContain('same figures are in the table');
    expect(page.querySelectorAll('[data-testid=forecast-table] tbody tr')).toHaveLength(28);
    const nine = page.querySelector('[data-testid=gap-table] tr[data-hour="09:00"]')!.textContent!;
    expect(nine).toContain('3 short');
    expect(page.querySelector('[data-testid=gap-table] tr[data-hour="08:00"]')!.textContent).toContain('Nothing needed');
    expect(page.textContent).toContain('Erlang A (people may leave the queue)');
    expect(page.textContent).not.toMatch(/ERLANG_|WORKLOAD/);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('saves a plan for an hour and says so; a number the server refuses is shown against the field', async () => {
    const calls: { planned?: number } = {};
    serve(calls);
    const page = await renderApp('/staff/supervisor/planning');
    await settle();
    await type(page.querySelector('#handlers'), 'ten');
    await click(button(page, 'Save plan'));
    expect(page.querySelector('#handlers-error')?.textContent).toContain('Enter the number of handlers');
    await type(page.querySelector('#handlers'), '12');
    await click(button(page, 'Save plan'));
    expect(calls.planned).toBe(12);
    expect(page.querySelector('[data-testid=plan-done]')?.textContent).toContain('Planned 12 handlers on Mondays from 09:00 to 10:00');
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('planning words', () => {
  it('never shows a raw value', () => {
    const c = FORECAST.channels[0] as Parameters<typeof accuracyText>[0];
    expect(accuracyText(c)).toBe('12% out on the last 2 weeks');
    expect(biasText({ ...c, backTest: { days: 7, method: 'SEASONAL_NAIVE', wape: 0.3, bias: 0.1 } })).toBe('10% too high');
    expect(accuracyText({ ...c, backTest: { days: 7, method: 'SEASONAL_NAIVE', wape: undefined, bias: undefined } })).toBe(
      'Not measurable: nothing came in the last week',
    );
    const h = hour(9, null, null) as Parameters<typeof gapText>[0];
    expect(gapText(h)).toBe('Not planned (13 needed)');
    expect(gapText({ ...h, planned: 15 })).toBe('2 over');
    expect(gapText({ ...h, planned: 13 })).toBe('Covered');
  });
});
