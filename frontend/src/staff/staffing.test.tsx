import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations, button, cleanup, click, me, mockFetch, renderApp, type, waitFor } from '../test/harness';

afterEach(cleanup);

const SKILLS = [
  { code: 'WELSH', label: 'Welsh speaker' },
  { code: 'HATE_CRIME', label: 'Hate crime' },
];

describe('handler names and skills', () => {
  it('lets a handler set the name citizens see, and shows the server refusing one', async () => {
    const calls = mockFetch((path, call) => {
      if (path === '/api/v1/staff/me') return me('handler', 'HANDLER');
      if (path === '/api/v1/staff/display-name' && call.method === 'PUT') {
        const name = (call.body as { displayName: string }).displayName;
        return name.includes('!')
          ? [400, { errors: [{ field: 'displayName', message: 'Text refused by the input policy' }] }]
          : [200, { displayName: name, shownToCitizens: name }];
      }
      if (path === '/api/v1/staff/display-name') return [200, { shownToCitizens: 'Call handler' }];
      return [200, []];
    });
    const page = await renderApp('/staff/queue');
    await waitFor(() => page.querySelector('[data-testid=display-name-status]')?.textContent === 'Citizens see you as Call handler.');

    await type(page.querySelector('#display-name'), 'Sam (call handler)');
    await click(button(page, 'Save name'));
    await waitFor(() => page.querySelector('[data-testid=display-name-status]')?.textContent === 'Citizens see you as Sam (call handler).');
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ displayName: 'Sam (call handler)' });

    await type(page.querySelector('#display-name'), 'S'.repeat(61));
    await click(button(page, 'Save name'));
    expect(page.querySelector('.govuk-error-summary')?.textContent).toContain('must be 60 characters or fewer');
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1);

    await type(page.querySelector('#display-name'), 'Sam!');
    await click(button(page, 'Save name'));
    await waitFor(() => page.querySelector('#display-name-error') !== null);
    expect(page.querySelector('.govuk-error-summary a')?.getAttribute('href')).toBe('#display-name');
    expect(await axeViolations(page)).toEqual([]);
  }, 20_000);

  it('shows a supervisor each handler’s name for citizens and skills, and saves the skills chosen', async () => {
    const calls = mockFetch((path, call) => {
      if (path === '/api/v1/staff/me') return me('supervisor', 'SUPERVISOR');
      if (path === '/api/v1/staff/skills') return [200, SKILLS];
      if (path === '/api/v1/staff/availability')
        return [
          200,
          [{ handler: 'sam', status: 'AVAILABLE', since: '2026-12-05T09:00:00Z', activeContacts: 0, displayName: 'Sam (call handler)', skills: [] }],
        ];
      if (call.method === 'PUT') return [204];
      if (path.startsWith('/api/v1/staff/supervisor')) return [200, { channels: [], waitsByHour: [] }];
      return [200, []];
    });
    const page = await renderApp('/staff/supervisor');
    await waitFor(() => page.querySelector('[data-testid=skills] input[value=WELSH]') !== null);
    const row = () => page.querySelector('[data-testid=presence-board] tbody tr')!;
    expect(row().textContent).toContain('Sam (call handler)');

    await click(page.querySelector('[data-testid=skills] input[value=WELSH]') as HTMLInputElement);
    await click(button(page, 'Save skills of sam'));
    expect(calls.find((c) => c.method === 'PUT')).toMatchObject({
      path: '/api/v1/staff/supervisor/handlers/sam/skills',
      body: { skills: ['WELSH'] },
    });
    await waitFor(() => row().querySelector('.govuk-tag--blue')?.textContent === 'Welsh speaker');
    expect(await axeViolations(page)).toEqual([]);
  }, 20_000);
});
