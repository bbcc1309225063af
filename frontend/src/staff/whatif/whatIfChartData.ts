import type { Channel } from '../api';
import { HOURS } from '../waitChartData';
import type { WhatIfHour } from './api';

export interface HourSeries {
  /** One per hour of the day, 00:00 first: average speed of answer in seconds, or null for an hour nobody was answered in. */
  actual: (number | null)[];
  scenario: (number | null)[];
}

/** One channel's average speed of answer by hour, on the day and with the plan; an hour without answers breaks the line. */
export function hourSeries(hours: WhatIfHour[], channel: Channel): HourSeries {
  const at = (h: number) => hours.find((x) => x.channel === channel && x.hour === h);
  const asa = (f: WhatIfHour['actual'] | undefined) => (f && f.answered > 0 ? f.averageSpeedOfAnswerSeconds : null);
  return { actual: HOURS.map((h) => asa(at(h)?.actual)), scenario: HOURS.map((h) => asa(at(h)?.scenario)) };
}

/** Whole numbers typed by a person: blank is "not given", anything else that is not a whole number is an error. */
export function wholeNumber(value: string): number | null | 'invalid' {
  const v = value.trim();
  if (!v) return null;
  return /^[-−]?\d{1,6}$/.test(v) ? Number(v.replace('−', '-')) : 'invalid';
}

/** The server names fields "date" and "PHONE.handlers"; on the page they are inputs with ids. */
export const fieldId = (field: string) =>
  !field || field === 'channels' ? '' : field === 'date' ? 'whatif-date-day' : `whatif-${field.replace(/\./g, '-')}`;

/** A wait target in words: 60 seconds, 2 minutes, 4 hours. */
export function targetWords(seconds: number): string {
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (seconds % 3600 === 0) return unit(seconds / 3600, 'hour');
  if (seconds % 60 === 0 && seconds > 60) return unit(seconds / 60, 'minute');
  return unit(seconds, 'second');
}
