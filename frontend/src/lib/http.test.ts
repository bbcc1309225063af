import { describe, expect, it } from 'vitest';
import { fieldErrors, HttpError } from './http';

describe('fieldErrors', () => {
  it('shows the server’s own words for a rate limit or an oversized request', () => {
    const tooMany = new HttpError(429, { title: 'Too many requests', detail: 'Too many requests. Try again in 2 minutes.' }, new Headers({ 'Retry-After': '90' }));
    expect(fieldErrors(tooMany)).toEqual([{ field: '', message: 'Too many requests. Try again in 2 minutes.' }]);
    const tooLarge = new HttpError(413, { title: 'Request too large', detail: 'The request body must be 64 KiB or smaller.' }, new Headers());
    expect(fieldErrors(tooLarge)[0].message).toBe('The request body must be 64 KiB or smaller.');
  });
});
