import { describe, expect, it } from 'vitest';
import { HttpError } from '../lib/http';
import { headerSafe, isReasonRequired, promptFor, reasonError, reasonHeaders } from './accessReason';

describe('the access reason', () => {
  it('travels in X-Access-Reason only once given', () => {
    expect(reasonHeaders('')).toEqual({});
    expect(reasonHeaders('   ')).toEqual({});
    expect(reasonHeaders(undefined)).toEqual({});
    expect(reasonHeaders(' Victim called back ')).toEqual({ 'X-Access-Reason': 'Victim called back' });
  });
  it('is made a valid one-line Latin-1 header value, or fetch would throw', () => {
    expect(headerSafe('Line one\r\nline two\tend')).toBe('Line one line two end');
    expect(headerSafe('The victim’s “statement” – again…')).toBe('The victim\'s "statement" - again...');
    expect(headerSafe('Café in Zürich')).toBe('Café in Zürich');
    expect(headerSafe('Emoji 🚓 and 中文')).toBe('Emoji ? and ??');
    expect(() => new Headers({ 'X-Access-Reason': headerSafe('a\nb – “c” 🚓') })).not.toThrow();
  });
  it('is required and has a limit', () => {
    expect(reasonError('')).toBe('Enter a reason');
    expect(reasonError('  \n ')).toBe('Enter a reason');
    expect(reasonError('Checking the file')).toBeUndefined();
    expect(reasonError('x'.repeat(501))).toBe('Reason must be 500 characters or fewer');
  });
  it('a 428 asks for it; a 428 after sending one means it was refused', () => {
    const e = new HttpError(428, { title: 'Reason required', detail: 'Say why', reasonRequired: true }, new Headers());
    expect(isReasonRequired(e)).toBe(true);
    expect(isReasonRequired(new HttpError(403, {}, new Headers()))).toBe(false);
    expect(isReasonRequired(new Error('x'))).toBe(false);
    expect(promptFor(e, '')).toEqual({ detail: 'Say why', refused: false });
    expect(promptFor(e, 'because')).toEqual({ detail: 'Say why', refused: true });
    expect(promptFor(new HttpError(428, undefined, new Headers()), '')).toEqual({ detail: undefined, refused: false });
  });
});
