import { describe, expect, it } from 'vitest';
import { emptyReport, type ReportData } from './model';
import {
  linkToPage,
  normaliseUkPhone,
  toRequest,
  validateAbout,
  validateAll,
  validateDate,
  validateUpdates,
  validateWhat,
  validateWhere,
} from './validation';

const today = new Date(2026, 10, 26); // 26 November 2026
const report = (patch: Partial<ReportData> = {}): ReportData => ({
  ...emptyReport(),
  anyoneInDanger: 'no',
  category: 'THEFT',
  description: 'My bike was taken from outside the library.',
  location: 'High Street, Anytown',
  day: '25',
  month: '11',
  year: '2026',
  giveName: 'no',
  updateChannel: 'ONLINE',
  updateFrequency: 'WEEKLY',
  ...patch,
});
const messages = (errors: { message: string }[]) => errors.map((e) => e.message);

describe('email addresses', () => {
  it.each(['name@example.com', ' first.last+tag@sub.example.co.uk '])('accepts %s', (email) => {
    expect(validateAbout(report({ email }))).toEqual([]);
  });
  it.each(['name', 'name@', 'name@example', '@example.com', 'name @example.com', 'name@example..com'])('rejects %s', (email) => {
    expect(messages(validateAbout(report({ email })))).toEqual(['Enter an email address in the correct format, like name@example.com']);
  });
});

describe('UK phone numbers', () => {
  it.each([
    ['07700 900 982', '07700900982'],
    ['+44 7700 900982', '07700900982'],
    ['0044 (0)20 7946 0000', '02079460000'],
    ['01632-960-001', '01632960001'],
  ])('accepts %s', (input, normalised) => {
    expect(normaliseUkPhone(input)).toBe(normalised);
  });
  it.each(['12345', '+1 202 555 0123', '0770090098212', 'call me'])('rejects %s', (phone) => {
    expect(normaliseUkPhone(phone)).toBeNull();
    expect(validateAbout(report({ phone }))[0].field).toBe('phone');
  });
  it('sends the normalised number', () => {
    expect(toRequest(report({ phone: '+44 7700 900982' })).phone).toBe('07700900982');
  });
});

describe('the date it happened', () => {
  const date = (day: string, month: string, year: string) => validateDate({ day, month, year }, today);
  it('accepts today and past dates', () => {
    expect(date('26', '11', '2026')).toBeNull();
    expect(date('29', '2', '2024')).toBeNull();
  });
  it('asks for a date when none is given', () => {
    expect(date('', '', '')?.message).toBe('Enter the date it happened');
  });
  it('names the missing parts', () => {
    expect(date('1', '', '2026')).toMatchObject({ message: 'Date it happened must include a month', parts: ['month'] });
    expect(date('1', '', '')?.message).toBe('Date it happened must include a month and year');
  });
  it.each([
    ['31', '2', '2026'],
    ['29', '2', '2025'],
    ['0', '1', '2026'],
    ['12', '13', '2026'],
    ['x', '1', '2026'],
  ])('rejects %s/%s/%s as not a real date', (d, m, y) => {
    expect(date(d, m, y)?.message).toBe('Date it happened must be a real date');
  });
  it('wants a 4-digit year', () => {
    expect(date('1', '1', '26')?.message).toBe('Year must include 4 numbers');
  });
  it('refuses the future', () => {
    expect(date('27', '11', '2026')?.message).toBe('Date it happened must be today or in the past');
  });
  it('sends the date as YYYY-MM-DD', () => {
    expect(toRequest(report({ day: '3', month: '7', year: '2026' })).occurredOn).toBe('2026-07-03');
  });
});

describe('required answers and lengths', () => {
  it('needs a category and a description', () => {
    expect(messages(validateWhat(report({ category: '', description: '   ' })))).toEqual(['Select what you are reporting', 'Enter what happened']);
  });
  it('allows 5000 characters of description but not 5001', () => {
    expect(validateWhat(report({ description: 'a'.repeat(5000) }))).toEqual([]);
    expect(messages(validateWhat(report({ description: 'a'.repeat(5001) })))).toEqual(['Description must be 5000 characters or less']);
  });
  it('needs a location of at most 500 characters', () => {
    expect(validateWhere(report({ location: '' }))[0].message).toBe('Enter where it happened');
    expect(validateWhere(report({ location: 'a'.repeat(501) }))[0].message).toContain('500 characters or less');
  });
  it('lets people report without a name, but asks for it if they said yes', () => {
    expect(validateAbout(report({ giveName: 'no' }))).toEqual([]);
    expect(messages(validateAbout(report({ giveName: 'yes', name: '' })))).toEqual(['Enter your name']);
    expect(messages(validateAbout(report({ giveName: '' })))).toEqual(['Select yes if you want to give your name']);
  });
  it('does not send a name typed before choosing not to give it', () => {
    expect(toRequest(report({ giveName: 'no', name: 'Sam' })).name).toBeUndefined();
  });
});

describe('update channel needs contact details', () => {
  it('email updates need an email address', () => {
    expect(validateUpdates(report({ updateChannel: 'EMAIL', email: '' }))[0]).toMatchObject({ field: 'updateEmail' });
    expect(validateUpdates(report({ updateChannel: 'EMAIL', email: 'sam@example.com' }))).toEqual([]);
  });
  it.each(['SMS', 'PHONE'])('%s updates need a valid UK phone number', (updateChannel) => {
    expect(validateUpdates(report({ updateChannel, phone: '' }))[0].field).toBe('updatePhone');
    expect(validateUpdates(report({ updateChannel, phone: '555' }))[0].field).toBe('updatePhone');
    expect(validateUpdates(report({ updateChannel, phone: '07700 900982' }))).toEqual([]);
  });
  it('online updates need no contact details', () => {
    expect(validateUpdates(report({ updateChannel: 'ONLINE' }))).toEqual([]);
  });
  it('needs a channel and a frequency', () => {
    expect(messages(validateUpdates(report({ updateChannel: '', updateFrequency: '' })))).toEqual([
      'Select how you want to get updates',
      'Select how often you want updates',
    ]);
  });
});

describe('check your answers', () => {
  it('a complete report has no errors', () => {
    expect(validateAll(report(), today)).toEqual([]);
  });
  it('links each error to the page and field holding it', () => {
    expect(linkToPage({ field: 'email', message: 'x' }).field).toBe('/report/about-you?change=1#email');
    expect(linkToPage({ field: 'occurredOn', message: 'x' }).field).toBe('/report/when?change=1#occurredOn-day');
    expect(linkToPage({ field: 'updateFrequency', message: 'x' }).field).toBe('/report/updates?change=1#updateFrequency');
  });
  it('says a bad email once even though two pages check it', () => {
    const errors = validateAll(report({ email: 'bad', updateChannel: 'EMAIL' }), today);
    expect(errors.filter((e) => e.message.startsWith('Enter an email address'))).toHaveLength(1);
  });
  it('refuses a report where someone is in danger', () => {
    expect(messages(validateAll(report({ anyoneInDanger: 'yes' }), today))).toContain('If anyone is in danger, call 999 now');
  });
});
