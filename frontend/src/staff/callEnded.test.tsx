import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openSockets } from '../test/fakeStomp';
import { axeViolations, cleanup, me, mockFetch, renderApp, waitFor } from '../test/harness';
import { NO_HISTORY } from '../test/fixtures';

vi.mock('@stomp/stompjs', () => import('../test/fakeStomp'));

afterEach(async () => {
  await cleanup();
  openSockets.length = 0;
});

const CALL = {
  contactId: 'call-9',
  channel: 'PHONE',
  state: 'ASSIGNED',
  handler: 'handler',
  call: { callId: '9', to: '101', hangupCause: '' },
  triage: [],
  transfers: [],
};

describe('a handler on a call', () => {
  it('is told the moment the caller hangs up, and is no longer offered a transfer', async () => {
    mockFetch((path) => {
      if (path === '/api/v1/staff/me') return me('handler', 'HANDLER');
      if (path.endsWith('/history')) return [200, NO_HISTORY];
      if (path === '/api/v1/staff/contacts/call-9') return [200, CALL];
      return [200, []];
    });
    const page = await renderApp('/staff/contacts/call-9');
    await waitFor(() => openSockets.some((s) => s.subscriptions.has('/user/queue/contact-events')));
    expect(page.querySelector('[data-testid=call-ended]')).toBeNull();
    expect(page.querySelector('#transfer-heading')).not.toBeNull();

    // A user destination reaches every socket the handler has open, as the server's does.
    const push = (body: unknown) =>
      act(async () =>
        openSockets.filter((s) => s.subscriptions.has('/user/queue/contact-events')).forEach((s) => s.deliver('/user/queue/contact-events', body)),
      );
    await push({ type: 'call-ended', contactId: 'call-other', cause: 'NORMAL' });
    expect(page.querySelector('[data-testid=call-ended]')).toBeNull();
    await push({ type: 'call-ended', contactId: 'call-9', cause: 'NORMAL' });
    await waitFor(() => page.querySelector('[data-testid=call-ended]') !== null);

    expect(page.querySelector('[data-testid=call-ended]')!.textContent).toContain('The caller has hung up');
    expect(page.querySelector('#transfer-heading')).toBeNull();
    expect(await axeViolations(page)).toEqual([]);
  }, 20_000);
});
