import { describe, expect, it } from 'vitest';
import type { Queue, QueueItem } from './api';
import { applyMine, applyQueueItem, formatWait, isOverTarget } from './queueState';

const item = (contactId: string, queuedAt: string, extra: Partial<QueueItem> = {}): QueueItem => ({
  contactId,
  channel: 'CHAT',
  state: 'WAITING',
  priority: 0,
  queuedAt,
  overTarget: false,
  unanswered: 0,
  language: 'ENGLISH',
  ...extra,
});
const queues = (): Queue[] => [
  { channel: 'WEB', targetSeconds: 3600, items: [] },
  { channel: 'CHAT', targetSeconds: 60, items: [item('a', '2026-11-26T10:00:00Z'), item('c', '2026-11-26T10:02:00Z')] },
];
const ids = (qs: Queue[], channel = 'CHAT') => qs.find((q) => q.channel === channel)!.items.map((i) => i.contactId);

describe('live queue updates', () => {
  it('inserts a new waiting contact in wait order', () => {
    expect(ids(applyQueueItem(queues(), item('b', '2026-11-26T10:01:00Z')))).toEqual(['a', 'b', 'c']);
  });
  it('puts a more urgent contact first', () => {
    expect(ids(applyQueueItem(queues(), item('u', '2026-11-26T10:05:00Z', { priority: -1 })))).toEqual(['u', 'a', 'c']);
  });
  it('removes a contact once taken, abandoned or closed, and ignores repeats', () => {
    const taken = applyQueueItem(queues(), item('a', '2026-11-26T10:00:00Z', { state: 'ASSIGNED', handler: 'handler' }));
    expect(ids(taken)).toEqual(['c']);
    expect(ids(applyQueueItem(taken, item('a', '2026-11-26T10:00:00Z', { state: 'CLOSED' })))).toEqual(['c']);
  });
  it('updates in place rather than duplicating', () => {
    const again = applyQueueItem(queues(), item('a', '2026-11-26T10:00:00Z', { grade: 'PRIORITY' }));
    expect(ids(again)).toEqual(['a', 'c']);
    expect(again[1].items[0].grade).toBe('PRIORITY');
  });
  it('moves a contact transferred to another queue', () => {
    const moved = applyQueueItem(queues(), item('a', '2026-11-26T10:00:00Z', { channel: 'WEB' }));
    expect(ids(moved)).toEqual(['c']);
    expect(ids(moved, 'WEB')).toEqual(['a']);
  });
  it('keeps my contacts to those assigned to me', () => {
    const mine = applyMine([], item('a', 'x', { state: 'ASSIGNED', handler: 'me' }), 'me');
    expect(mine.map((i) => i.contactId)).toEqual(['a']);
    expect(applyMine(mine, item('a', 'x', { state: 'ASSIGNED', handler: 'other' }), 'me')).toEqual([]);
    expect(applyMine(mine, item('a', 'x', { state: 'CLOSED', handler: 'me' }), 'me')).toEqual([]);
  });
});

describe('waiting time', () => {
  const now = Date.parse('2026-11-26T12:00:00Z');
  it('is over target once the wait passes it', () => {
    expect(isOverTarget(item('a', '2026-11-26T11:59:00Z'), 60, now)).toBe(false);
    expect(isOverTarget(item('a', '2026-11-26T11:58:59Z'), 60, now)).toBe(true);
  });
  it.each([
    [0, '0:00'],
    [65, '1:05'],
    [3599, '59:59'],
    [3600 + 5 * 60, '1 hour 5 minutes'],
    [2 * 86400 + 3 * 3600, '2 days 3 hours'],
    [86400, '1 day'],
    [7200, '2 hours'],
  ])('%i seconds reads %s', (s, words) => expect(formatWait(s)).toBe(words));
});
