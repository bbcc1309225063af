import { describe, expect, it } from 'vitest';
import { nextWindows, windowLabel } from './windows';

describe('call-back windows', () => {
  it('offers 2-hour windows starting at least 30 minutes ahead', () => {
    const now = new Date(2026, 10, 26, 9, 45);
    const w = nextWindows(now, 3);
    expect(w.map((x) => x.start.getHours())).toEqual([12, 14, 16]);
    for (const x of w) expect(x.end.getTime() - x.start.getTime()).toBe(2 * 3600 * 1000);
  });

  it('skips a window starting within 30 minutes and rolls over to the next day', () => {
    const w = nextWindows(new Date(2026, 10, 26, 17, 40), 2);
    expect(w[0].start).toEqual(new Date(2026, 10, 27, 8));
    expect(w[1].start).toEqual(new Date(2026, 10, 27, 10));
  });

  it('stays within 7 days', () => {
    const now = new Date(2026, 10, 26, 7);
    const w = nextWindows(now, 100);
    expect(w.length).toBe(42);
    expect(w[w.length - 1].end.getTime() - now.getTime()).toBeLessThanOrEqual(7 * 864e5);
  });

  it('reads as a day and a time range', () => {
    expect(windowLabel({ start: new Date(2026, 10, 26, 14), end: new Date(2026, 10, 26, 16) })).toBe('Thursday 26 November, 2pm to 4pm');
  });
});
