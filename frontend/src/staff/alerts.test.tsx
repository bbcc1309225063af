import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openSockets } from '../test/fakeStomp';
import { axeViolations, cleanup, me, mockFetch, renderApp, waitFor } from '../test/harness';

vi.mock('@stomp/stompjs', () => import('../test/fakeStomp'));

afterEach(async () => {
  await cleanup();
  openSockets.length = 0;
  vi.unstubAllGlobals();
  localStorage.clear();
});

const waiting = (contactId: string) => ({
  contactId,
  channel: 'CHAT',
  state: 'WAITING',
  priority: 5,
  queuedAt: '2026-12-05T10:00:00Z',
  overTarget: false,
});

/** Records each tone played, instead of sound. */
function fakeAudio() {
  const tones: number[] = [];
  class FakeAudioContext {
    currentTime = 0;
    destination = {};
    createOscillator() {
      return { frequency: { value: 0 }, connect: (n: unknown) => n, start: () => tones.push(1), stop: () => {}, onended: null };
    }
    createGain() {
      return { gain: { value: 0 }, connect: (n: unknown) => n };
    }
    close() {}
  }
  vi.stubGlobal('AudioContext', FakeAudioContext);
  return tones;
}

describe('alerts for new contacts', () => {
  it('count the waiting in the tab title and play a tone when a contact joins, unless the tone is turned off', async () => {
    const tones = fakeAudio();
    mockFetch((path) => {
      if (path === '/api/v1/staff/me') return me('handler', 'HANDLER');
      if (path === '/api/v1/staff/queues') return [200, [{ channel: 'CHAT', targetSeconds: 120, items: [waiting('c-1')] }]];
      return [200, []];
    });
    const page = await renderApp('/staff/queue');
    await waitFor(() => openSockets.some((s) => s.subscriptions.has('/topic/queues')));
    await waitFor(() => document.title === '(1) Contact queues – Blue Lamp');
    expect(tones).toHaveLength(0); // what was waiting already is no news

    const socket = openSockets.find((s) => s.subscriptions.has('/topic/queues'))!;
    await act(async () => socket.deliver('/topic/queues', waiting('c-2')));
    await waitFor(() => document.title === '(2) Contact queues – Blue Lamp');
    expect(tones).toHaveLength(1);

    (page.querySelector('#alert-sound') as HTMLInputElement).click();
    await act(async () => socket.deliver('/topic/queues', waiting('c-3')));
    await waitFor(() => document.title === '(3) Contact queues – Blue Lamp');
    expect(tones).toHaveLength(1);
    expect(await axeViolations(page)).toEqual([]);
  }, 20_000);
});
