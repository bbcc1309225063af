import type { ContactReport } from './api';

type Interval = ContactReport['intervals'][number];

const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
const zone = new Intl.DateTimeFormat('en-GB', { timeZoneName: 'short', timeZone: 'Europe/London' });
const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'Europe/London' });

const zoneOf = (iso: string) => zone.formatToParts(new Date(iso)).find((p) => p.type === 'timeZoneName')?.value ?? '';

/**
 * Each interval's name on the chart and in the table, in London time: "09:15", with the day
 * when the period runs over several ("Mon 2 Mar 09:00"), and "01:00 BST" / "01:00 GMT" where
 * the clocks going back makes a time happen twice.
 */
export function intervalLabels(report: Pick<ContactReport, 'step' | 'intervals'>): string[] {
  const { step, intervals } = report;
  if (step === 'DAY') return intervals.map((i) => weekday.format(new Date(i.start)));
  const days = new Set(intervals.map((i) => weekday.format(new Date(i.start))));
  const plain = intervals.map((i) => (days.size > 1 ? `${weekday.format(new Date(i.start))} ` : '') + time.format(new Date(i.start)));
  return plain.map((label, n) => (plain.indexOf(label) !== plain.lastIndexOf(label) ? `${label} ${zoneOf(intervals[n].start)}` : label));
}

/** Offered but neither answered nor abandoned (still waiting, or closed unanswered). */
export const unanswered = (i: Interval) => Math.max(0, i.figures.offered - i.figures.answered - i.figures.abandoned);

/** The comparison's figure for the same position in its period, or null past its end. */
export const alongside = (compare: ContactReport | null, n: number, pick: (i: Interval) => number | null) => {
  const other = compare?.intervals[n];
  return other ? pick(other) : null;
};

/** The average wait of an interval, or null when nobody was answered in it (a gap, not a zero). */
export const speedOf = (i: Interval) => (i.figures.answered ? i.figures.averageSpeedOfAnswerSeconds : null);
