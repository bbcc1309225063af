import { describe, expect, it } from 'vitest';
import { codeFormat, tooManyMessage, validateTrack } from './tracking';

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
    expect(validateTrack('BL-2026-000123', '7KQ4 M2XP 9HTD')).toEqual([]);
  });
  it('says so when the code cannot be one, before asking the server (which would refuse it too)', () => {
    for (const code of ['ABCD', '7KQ4-M2XP-9HT', '7KQ4-M2XP-9HTDX', '0OIL-2222-AAAA'])
      expect(validateTrack('BL-2026-000123', code)).toEqual([{ field: 'trackingCode', message: codeFormat() }]);
  });
});
