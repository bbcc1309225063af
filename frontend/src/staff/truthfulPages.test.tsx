import { afterEach, describe, expect, it } from 'vitest';
import { CASE, NO_HISTORY } from '../test/fixtures';
import { axeViolations, button, cleanup, click, me, mockFetch, renderApp, settle, type, waitFor } from '../test/harness';

afterEach(cleanup);

describe('staff pages that tell the truth', () => {
  it('asks to sign in again in place when the session ends, keeping what was typed', async () => {
    let signedIn = false;
    const calls = mockFetch((path, call) => {
      if (path === '/api/v1/staff/me') return me('handler', 'HANDLER');
      if (path.endsWith('/history')) return [200, NO_HISTORY];
      if (path === `/api/v1/staff/cases/${CASE.reference}`) return [200, CASE];
      if (path.endsWith('/possible-duplicates')) return [200, []];
      if (path.endsWith('/notes')) return signedIn ? [204] : [401, { title: 'Unauthorized', detail: 'Sign in to continue.' }];
      if (path === '/api/v1/staff/login' && call.method === 'POST') return ((signedIn = true), me('handler', 'HANDLER'));
      return [404];
    });
    const page = await renderApp(`/staff/cases/${CASE.reference}`);
    await type(page.querySelector('#note-text'), 'Checked the CCTV from the station');
    await click(button(page, 'Add internal note'));
    await waitFor(() => page.querySelector('[data-testid=session-ended]') !== null);

    expect(document.activeElement).toBe(page.querySelector('[data-testid=session-ended]'));
    expect(page.textContent).toContain('Your session has ended');
    expect(page.textContent).not.toContain('problem with the service');
    expect((page.querySelector('#note-text') as HTMLTextAreaElement).value).toBe('Checked the CCTV from the station');
    expect(await axeViolations(page)).toEqual([]);

    await type(page.querySelector('#again-password'), 'blue-lamp-handler');
    await click(button(page, 'Sign in again'));
    await settle();
    expect(page.querySelector('[data-testid=session-ended]')).toBeNull();
    expect(calls.find((c) => c.path === '/api/v1/staff/login')).toBeDefined();
    await click(button(page, 'Add internal note'));
    await waitFor(() => page.querySelector('[data-testid=case-done]') !== null);
    expect(document.activeElement).toBe(page.querySelector('[data-testid=case-done]'));
  }, 20_000);

  it('keeps an auditor off the queues with a plain refusal', async () => {
    const calls = mockFetch((path) => (path === '/api/v1/staff/me' ? me('auditor', 'AUDITOR') : [200, []]));
    const page = await renderApp('/staff/queue');
    expect(page.querySelector('h1')?.textContent).toBe('You cannot see this page');
    expect(calls.filter((c) => c.path.startsWith('/api/v1/staff/queues'))).toHaveLength(0);
  });

  it('shows the handler the availability they last set', async () => {
    mockFetch((path) => {
      if (path === '/api/v1/staff/me') return me('handler', 'HANDLER');
      if (path.endsWith('/history')) return [200, NO_HISTORY];
      if (path === '/api/v1/staff/availability')
        return [200, [{ handler: 'handler', status: 'AWAY', since: '2026-12-05T09:00:00Z', activeContacts: 0 }]];
      return [200, []];
    });
    const page = await renderApp('/staff/queue');
    await waitFor(() => (page.querySelector('input[name=availability][value=AWAY]') as HTMLInputElement | null)?.checked === true);
  });

  it('shows a closed contact as history, with nothing left to act on, and grades and triage in words', async () => {
    mockFetch((path) => {
      if (path === '/api/v1/staff/me') return me('handler', 'HANDLER');
      if (path.endsWith('/history')) return [200, NO_HISTORY];
      if (path === '/api/v1/staff/contacts/c-3')
        return [
          200,
          {
            contactId: 'c-3',
            channel: 'PHONE',
            state: 'CLOSED',
            handler: 'handler',
            grade: 'IMMEDIATE',
            outcome: 'Advice given',
            caseReference: 'BL-2026-000123',
            triage: [{ at: '2026-12-05T09:00:00Z', by: 'handler', grade: 'IMMEDIATE', threat: 'A threat made', rationale: 'Threat to life' }],
          },
        ];
      return [200, []];
    });
    const page = await renderApp('/staff/contacts/c-3');
    await waitFor(() => page.querySelector('[data-testid=contact-closed]') !== null);
    expect(page.querySelector('#triage-threat')).toBeNull();
    expect(page.querySelector('#summary-summary')).toBeNull();
    expect([...page.querySelectorAll('button')].map((b) => b.textContent)).not.toContain('Close contact');
    expect(page.textContent).toContain('Phone call');
    expect(page.textContent).not.toContain('IMMEDIATE');
    expect(page.querySelector('[data-testid=triage-history]')?.textContent).toContain('Threat to life');
    expect(page.querySelector('a[href="/staff/cases/BL-2026-000123"]')).not.toBeNull();
    expect(await axeViolations(page)).toEqual([]);
  }, 20_000);

  it('offers assignment only to people who are staff', async () => {
    mockFetch((path) => {
      if (path === '/api/v1/staff/me') return me('handler', 'HANDLER');
      if (path.endsWith('/history')) return [200, NO_HISTORY];
      if (path === `/api/v1/staff/cases/${CASE.reference}`) return [200, CASE];
      if (path === '/api/v1/staff/availability')
        return [200, [{ handler: 'sam', status: 'AVAILABLE', since: '2026-12-05T09:00:00Z', activeContacts: 0 }]];
      return [200, []];
    });
    const page = await renderApp(`/staff/cases/${CASE.reference}`);
    await waitFor(() => page.querySelectorAll('#assign-handler option').length === 3);
    const offered = [...page.querySelectorAll('#assign-handler option')].map((o) => (o as HTMLOptionElement).value);
    expect(offered).toEqual(['', 'handler', 'sam']);
    expect(page.querySelector('input#assign-handler')).toBeNull();
  });

  it('shows the note of a transfer to whoever it came to, and offers only the queue the contact can go back to', async () => {
    mockFetch((path) => {
      if (path === '/api/v1/staff/me') return me('racer6', 'HANDLER');
      if (path.endsWith('/history')) return [200, NO_HISTORY];
      if (path === '/api/v1/staff/contacts/c-4')
        return [
          200,
          {
            contactId: 'c-4',
            channel: 'CHAT',
            state: 'ASSIGNED',
            handler: 'someone-else',
            triage: [],
            transfers: [{ at: '2026-12-05T10:00:00Z', fromHandler: 'racer5', toHandler: 'racer6', note: 'Needs a Welsh speaker' }],
          },
        ];
      return [200, []];
    });
    const page = await renderApp('/staff/contacts/c-4');
    await waitFor(() => page.querySelector('[data-testid=transfer-notes]') !== null);
    expect(page.querySelector('[data-testid=transfer-notes]')!.textContent).toContain('Needs a Welsh speaker');
    const queues = [...page.querySelectorAll('input[name=transfer-to]')].map((i) => (i as HTMLInputElement).value);
    expect(queues).toEqual(['channel:CHAT']);
    expect(await axeViolations(page)).toEqual([]);
  }, 20_000);

  it('asks whether whoever answers next needs a skill when a contact goes back to the queue, and sends it', async () => {
    const calls = mockFetch((path) => {
      if (path === '/api/v1/staff/me') return me('handler', 'HANDLER');
      if (path.endsWith('/history')) return [200, NO_HISTORY];
      if (path === '/api/v1/staff/skills') return [200, [{ code: 'WELSH', label: 'Welsh speaker' }]];
      if (path === '/api/v1/staff/contacts/c-5')
        return [200, { contactId: 'c-5', channel: 'PHONE', state: 'ASSIGNED', handler: 'handler', triage: [], transfers: [] }];
      if (path === '/api/v1/staff/contacts/c-5/transfer') return [204];
      return [200, []];
    });
    const page = await renderApp('/staff/contacts/c-5');
    await waitFor(() => page.querySelector('input[name=transfer-to]') !== null);
    expect(page.querySelector('input[name=transfer-skill]')).toBeNull();
    await click(page.querySelector<HTMLInputElement>('input[name=transfer-to][value="channel:PHONE"]')!);
    await waitFor(() => page.querySelector('input[name=transfer-skill]') !== null);
    await click(page.querySelector<HTMLInputElement>('input[name=transfer-skill][value=WELSH]')!);
    await type(page.querySelector('#transfer-note'), 'Asked for Welsh');
    await click(button(page, 'Transfer'));
    await waitFor(() => calls.some((c) => c.path === '/api/v1/staff/contacts/c-5/transfer'));
    expect(calls.find((c) => c.path === '/api/v1/staff/contacts/c-5/transfer')!.body).toEqual({
      toChannel: 'PHONE',
      neededSkill: 'WELSH',
      note: 'Asked for Welsh',
    });
  }, 20_000);

  it('shows a supervisor every handler, their state, since when and their open contacts', async () => {
    mockFetch((path) => {
      if (path === '/api/v1/staff/me') return me('supervisor', 'SUPERVISOR');
      if (path.endsWith('/history')) return [200, NO_HISTORY];
      if (path === '/api/v1/staff/availability')
        return [
          200,
          [
            { handler: 'sam', status: 'BUSY', since: '2026-12-05T09:00:00Z', activeContacts: 2, skills: [] },
            { handler: 'alex', status: 'AVAILABLE', since: '2026-12-05T08:30:00Z', activeContacts: 0, skills: [] },
          ],
        ];
      if (path.startsWith('/api/v1/staff/supervisor')) return [200, { channels: [], waitsByHour: [] }];
      return [200, []];
    });
    const page = await renderApp('/staff/supervisor');
    await waitFor(() => page.querySelector('[data-testid=presence-board]') !== null);
    const rows = [...page.querySelectorAll('[data-testid=presence-board] tbody tr')].map((r) => r.textContent);
    expect(rows).toEqual([
      'alexAvailable5 December 2026 at 8:30am0Call handler (not set)None',
      'samBusy5 December 2026 at 9:00am2Call handler (not set)None',
    ]);
  });
});
