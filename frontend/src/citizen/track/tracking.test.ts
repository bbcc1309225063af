import { describe, expect, it } from 'vitest';
import { formatWaiting } from '../../staff/api';
import { tooManyMessage, validateTrack } from './tracking';

describe('too many tracking attempts', () => {
  it('speaks in seconds under a minute and minutes after', () => {
    expect(tooManyMessage('30')).toBe('Too many attempts. Try again in 30 seconds.');
    expect(tooManyMessage('1')).toBe('Too many attempts. Try again in 1 second.');
    expect(tooManyMessage('60')).toBe('Too many attempts. Try again in 1 minute.');
    expect(tooManyMessage('601')).toBe('Too many attempts. Try again in 11 minutes.');
  });
  it('still asks the user to wait when the header is missing or odd', () => {
    expect(tooManyMessage(null)).toBe('Too many attempts. Try again later.');
    expect(tooManyMessage('soon')).toBe('Too many attempts. Try again later.');
  });
});

describe('track form', () => {
  it('needs both a well-formed reference and a code', () => {
    expect(validateTrack('', '').map((e) => e.field)).toEqual(['reference', 'trackingCode']);
    expect(validateTrack('BL-26-1', 'ABCD')[0].message).toContain('correct format');
    expect(validateTrack(' bl-2026-000123 ', '7kq4-m2xp-9htd')).toEqual([]);
  });
});

describe('staff queue waiting time', () => {
  const now = new Date('2026-11-26T12:00:00Z');
  it.each([
    ['2026-11-26T11:59:30Z', 'Less than a minute'],
    ['2026-11-26T11:59:00Z', '1 minute'],
    ['2026-11-26T09:55:00Z', '2 hours 5 minutes'],
    ['2026-11-26T11:00:00Z', '1 hour'],
    ['2026-11-23T09:00:00Z', '3 days 3 hours'],
  ])('since %s is %s', (receivedAt, words) => {
    expect(formatWaiting(receivedAt, now)).toBe(words);
  });
});
