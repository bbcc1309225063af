// Period maths for the reports page. Days are ISO dates ("2026-03-29") in the force's time zone;
// a period is [from, to): `to` is the day after the last, as the server takes it. Calendar sums
// are done on UTC midnights, where every day is 24 hours, so the clocks changing in London
// never shift a date.

export type Day = string;
export interface Period {
  from: Day;
  to: Day;
}

export type Preset = 'today' | 'yesterday' | 'this-week' | 'last-week' | 'this-month' | 'last-month' | 'custom';
export type Compare = 'none' | 'previous' | 'year';
export type Step = 'QUARTER_HOUR' | 'HOUR' | 'DAY';

export const PRESETS: { value: Preset; label: string }[] = [
  { value: 'today', label: 'Today' },
  { value: 'yesterday', label: 'Yesterday' },
  { value: 'this-week', label: 'This week so far' },
  { value: 'last-week', label: 'Last week' },
  { value: 'this-month', label: 'This month so far' },
  { value: 'last-month', label: 'Last month' },
  { value: 'custom', label: 'Choose the dates' },
];

export const COMPARES: { value: Compare; label: string; hint?: string }[] = [
  { value: 'previous', label: 'The period before', hint: 'The same days of the week or month before, so a week is set against a week' },
  { value: 'year', label: 'The same days a year earlier', hint: '52 weeks earlier, so a Monday is set against a Monday' },
  { value: 'none', label: 'No comparison' },
];

/** The longest period the server reports on. */
export const LONGEST_DAYS = 400;

const MS_PER_DAY = 86_400_000;
const toUtc = (d: Day) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
const fromUtc = (ms: number): Day => new Date(ms).toISOString().slice(0, 10);

export const addDays = (d: Day, n: number): Day => fromUtc(toUtc(d) + n * MS_PER_DAY);
export const daysBetween = (from: Day, to: Day) => Math.round((toUtc(to) - toUtc(from)) / MS_PER_DAY);
const firstOfMonth = (d: Day): Day => `${d.slice(0, 7)}-01`;
const addMonths = (d: Day, n: number): Day => {
  const date = new Date(toUtc(d));
  return fromUtc(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + n, 1));
};
/** Monday starts the week, as in the UK. */
const monday = (d: Day): Day => addDays(d, -((new Date(toUtc(d)).getUTCDay() + 6) % 7));

const londonDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
/** The date in London at this moment, wherever the browser is. */
export const todayInLondon = (now: Date = new Date()): Day => londonDay.format(now);

export function presetPeriod(preset: Exclude<Preset, 'custom'>, today: Day): Period {
  switch (preset) {
    case 'today':
      return { from: today, to: addDays(today, 1) };
    case 'yesterday':
      return { from: addDays(today, -1), to: today };
    case 'this-week':
      return { from: monday(today), to: addDays(today, 1) };
    case 'last-week':
      return { from: addDays(monday(today), -7), to: monday(today) };
    case 'this-month':
      return { from: firstOfMonth(today), to: addDays(today, 1) };
    case 'last-month':
      return { from: addMonths(today, -1), to: firstOfMonth(today) };
  }
}

/**
 * The period to set beside this one. "Before": a whole month against the month before, a month
 * so far against as many days of the month before (no more than it had), anything else against
 * as many days just before it. "Year": 364 days earlier, so weekdays line up.
 */
export function comparePeriod(period: Period, compare: Compare): Period | null {
  if (compare === 'none') return null;
  if (compare === 'year') return { from: addDays(period.from, -364), to: addDays(period.to, -364) };
  const length = daysBetween(period.from, period.to);
  if (period.from === firstOfMonth(period.from) && length <= 31) {
    const before = addMonths(period.from, -1);
    const wholeMonth = period.to === addMonths(period.from, 1);
    const end = wholeMonth ? period.from : addDays(before, length);
    return { from: before, to: end > period.from ? period.from : end };
  }
  return { from: addDays(period.from, -length), to: period.from };
}

/** Quarter hours for a day or two, hours for up to a fortnight, then days: a chart of a few hundred points at most. */
export const stepFor = (period: Period): Step => {
  const days = daysBetween(period.from, period.to);
  return days <= 2 ? 'QUARTER_HOUR' : days <= 14 ? 'HOUR' : 'DAY';
};

export const STEP_WORDS: Record<Step, string> = { QUARTER_HOUR: 'by quarter hour', HOUR: 'by hour', DAY: 'by day' };

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' });
const dayOnly = new Intl.DateTimeFormat('en-GB', { day: 'numeric', timeZone: 'UTC' });

/** GOV.UK style: "5 March 2026", "2 to 8 March 2026", "28 February to 6 March 2026". */
export function describePeriod(p: Period): string {
  const last = addDays(p.to, -1);
  const [a, b] = [new Date(toUtc(p.from)), new Date(toUtc(last))];
  if (p.from === last) return longDate.format(a);
  if (a.getUTCFullYear() !== b.getUTCFullYear()) return `${longDate.format(a)} to ${longDate.format(b)}`;
  if (a.getUTCMonth() !== b.getUTCMonth()) return `${dayMonth.format(a)} to ${longDate.format(b)}`;
  return `${dayOnly.format(a)} to ${longDate.format(b)}`;
}

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/** A real date from the GOV.UK date input, or null. */
export function dayOf(parts: DateParts): Day | null {
  const [d, m, y] = [parts.day, parts.month, parts.year].map((s) => s.trim());
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return null;
  const day: Day = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return fromUtc(toUtc(day)) === day ? day : null;
}

export const partsOf = (d: Day): DateParts => ({ day: String(Number(d.slice(8, 10))), month: String(Number(d.slice(5, 7))), year: d.slice(0, 4) });

/** The custom period from the two date inputs (the last day included), or the errors to show. */
export function customPeriod(first: DateParts, last: DateParts): Period | { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  const from = dayOf(first);
  const to = dayOf(last);
  if (!from) errors.push({ field: 'from-day', message: 'Enter the first day as a real date, for example 1 3 2026' });
  if (!to) errors.push({ field: 'to-day', message: 'Enter the last day as a real date, for example 31 3 2026' });
  if (from && to) {
    if (to < from) errors.push({ field: 'to-day', message: 'The last day must be the same as or after the first day' });
    else if (daysBetween(from, to) + 1 > LONGEST_DAYS)
      errors.push({ field: 'to-day', message: `The period must be ${LONGEST_DAYS} days or shorter` });
  }
  return errors.length || !from || !to ? errors : { from, to: addDays(to, 1) };
}

export interface Change {
  /** Words for the change, with its sign: "+12 (+15%)", "−3", "No change". */
  text: string;
  direction: 'up' | 'down' | 'same' | 'none';
}

const signed = (n: number, unit = '') => `${n > 0 ? '+' : n < 0 ? '−' : ''}${Math.abs(n).toLocaleString('en-GB')}${unit}`;

/** A count's change, with the percentage when there was something to compare with. */
export function countChange(now: number, before: number): Change {
  const diff = now - before;
  if (diff === 0) return { text: 'No change', direction: 'same' };
  const pct = before > 0 ? ` (${signed(Math.round((diff / before) * 100), '%')})` : '';
  return { text: `${signed(diff)}${pct}`, direction: diff > 0 ? 'up' : 'down' };
}

/** A rate's change in percentage points; none when either side had nothing to measure. */
export function rateChange(now: number | null, before: number | null): Change {
  if (now === null || before === null) return { text: 'Not comparable', direction: 'none' };
  const diff = Math.round((now - before) * 10) / 10;
  if (diff === 0) return { text: 'No change', direction: 'same' };
  return { text: `${signed(diff)} percentage point${Math.abs(diff) === 1 ? '' : 's'}`, direction: diff > 0 ? 'up' : 'down' };
}

/** The share of contacts answered within target, leaving out short abandons (nobody could have answered those). */
export function serviceLevel(f: { offered: number; shortAbandoned: number; answeredWithinTarget: number }): number | null {
  const counted = f.offered - f.shortAbandoned;
  return counted > 0 ? Math.round((f.answeredWithinTarget / counted) * 1000) / 10 : null;
}
