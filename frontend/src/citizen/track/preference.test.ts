import { describe, expect, it } from 'vitest';
import { isUkMobile, pageField, toPreferenceRequest, validatePreference, type Preference } from './preference';

const p = (over: Partial<Preference>): Preference => ({ updateChannel: 'ONLINE', updateFrequency: 'WEEKLY', email: '', phone: '', ...over });
const fields = (x: Preference) => validatePreference(x).map((e) => e.field);

describe('update preference', () => {
  it('needs a channel and a frequency', () => {
    expect(fields(p({ updateChannel: '', updateFrequency: '' }))).toEqual(['updateChannel', 'updateFrequency']);
    expect(fields(p({}))).toEqual([]);
  });
  it('EMAIL needs a well-formed email', () => {
    expect(fields(p({ updateChannel: 'EMAIL' }))).toEqual(['updateEmail']);
    expect(validatePreference(p({ updateChannel: 'EMAIL', email: 'sam@' }))[0].message).toContain('correct format');
    expect(fields(p({ updateChannel: 'EMAIL', email: 'sam@example.com' }))).toEqual([]);
  });
  it('SMS needs a UK mobile, not a landline', () => {
    expect(fields(p({ updateChannel: 'SMS' }))).toEqual(['updatePhone']);
    expect(validatePreference(p({ updateChannel: 'SMS', phone: '01632 960 001' }))[0].message).toContain('mobile');
    expect(fields(p({ updateChannel: 'SMS', phone: '+44 7700 900982' }))).toEqual([]);
  });
  it('PHONE takes any UK number', () => {
    expect(fields(p({ updateChannel: 'PHONE', phone: '01632 960 001' }))).toEqual([]);
    expect(fields(p({ updateChannel: 'PHONE', phone: '12345' }))).toEqual(['updatePhone']);
  });
  it('recognises mobiles', () => {
    expect(isUkMobile('07700 900982')).toBe(true);
    expect(isUkMobile('0044 7700 900982')).toBe(true);
    expect(isUkMobile('020 7946 0000')).toBe(false);
  });
  it('sends only the detail the channel needs, normalised', () => {
    expect(toPreferenceRequest(p({ updateChannel: 'SMS', phone: '07700 900 982', email: 'x@y.com' }))).toEqual({
      updateChannel: 'SMS',
      updateFrequency: 'WEEKLY',
      phone: '07700900982',
    });
    expect(toPreferenceRequest(p({ updateChannel: 'ONLINE', email: 'x@y.com' }))).toEqual({ updateChannel: 'ONLINE', updateFrequency: 'WEEKLY' });
  });
  it('maps server field names to this page', () => {
    expect(pageField({ field: 'email', message: 'm' }).field).toBe('updateEmail');
    expect(pageField({ field: 'updateFrequency', message: 'm' }).field).toBe('updateFrequency');
  });
});
