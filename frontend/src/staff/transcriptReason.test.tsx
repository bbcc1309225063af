import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations, button, cleanup, click, me, mockFetch, renderApp, type, waitFor } from '../test/harness';
import { NO_HISTORY } from '../test/fixtures';

afterEach(cleanup);

const ENDED = { contactId: 'c-7', channel: 'CHAT', state: 'CLOSED', handler: 'handler', chat: { citizenName: 'Robin', topic: 'Noise' } };
const MESSAGE = { seq: 1, author: 'CITIZEN', authorName: 'Robin', text: 'My car was keyed', at: '2026-12-01T10:00:00Z' };

describe('an ended chat’s transcript', () => {
  it('is read with the reason given for the contact', async () => {
    const calls = mockFetch((path, call) => {
      if (path === '/api/v1/staff/me') return me('auditor', 'AUDITOR');
      if (path.endsWith('/history')) return [200, NO_HISTORY];
      const reason = call.headers['x-access-reason'];
      if (path === '/api/v1/staff/contacts/c-7') return reason ? [200, ENDED] : [428, { reasonRequired: true }];
      if (path.startsWith('/api/v1/staff/contacts/c-7/chat')) return reason ? [200, [MESSAGE]] : [428, { reasonRequired: true }];
      return [200, []];
    });
    const page = await renderApp('/staff/contacts/c-7');
    await waitFor(() => !!page.querySelector('#access-reason'));
    await type(page.querySelector('#access-reason'), 'Complaint about the call');
    await click(button(page, 'Continue'));

    await waitFor(() => page.textContent!.includes('My car was keyed'));
    const read = calls.find((c) => c.path.startsWith('/api/v1/staff/contacts/c-7/chat'))!;
    expect(read.headers['x-access-reason']).toBe('Complaint about the call');
    expect(page.querySelector('#transcript-reason')).toBeNull();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('asks for a reason of its own when the server wants one for the chat', async () => {
    const calls = mockFetch((path, call) => {
      if (path === '/api/v1/staff/me') return me('colleague', 'HANDLER');
      if (path.endsWith('/history')) return [200, NO_HISTORY];
      if (path === '/api/v1/staff/contacts/c-7') return [200, ENDED];
      if (path.startsWith('/api/v1/staff/contacts/c-7/chat')) {
        return call.headers['x-access-reason'] ? [200, [MESSAGE]] : [428, { detail: 'This chat was another handler’s', reasonRequired: true }];
      }
      return [200, []];
    });
    const page = await renderApp('/staff/contacts/c-7');
    await waitFor(() => !!page.querySelector('#transcript-reason'));
    expect(page.textContent).not.toContain('My car was keyed');

    await type(page.querySelector('#transcript-reason'), 'Follow-up call');
    await click(button(page, 'Continue'));
    await waitFor(() => page.textContent!.includes('My car was keyed'));
    expect(calls.at(-1)!.headers['x-access-reason']).toBe('Follow-up call');
  });
});
