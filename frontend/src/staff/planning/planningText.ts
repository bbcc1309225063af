import type { ChannelDemand, StaffingHour } from './api';

export const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export const DAY_NAMES: Record<string, string> = {
  MONDAY: 'Monday',
  TUESDAY: 'Tuesday',
  WEDNESDAY: 'Wednesday',
  THURSDAY: 'Thursday',
  FRIDAY: 'Friday',
  SATURDAY: 'Saturday',
  SUNDAY: 'Sunday',
};

const METHODS: Record<string, string> = {
  SEASONAL_TREND: 'Weekly pattern with trend',
  SEASONAL_NAIVE: 'Same day last week (under 2 weeks of history)',
  NONE: 'No history yet: no contacts expected',
};
export const methodText = (method: string) => METHODS[method] ?? 'Unknown method';

const MODELS: Record<string, string> = {
  ERLANG_C: 'Erlang C (callers wait until answered)',
  ERLANG_A: 'Erlang A (people may leave the queue)',
  WORKLOAD: 'Workload (not answered live)',
};
export const modelText = (model: string) => MODELS[model] ?? 'Unknown model';

export const percent = (share: number) => `${Math.round(share * 100)}%`;
export const hourLabel = (hour: number) => (hour === 24 ? 'midnight' : `${String(hour).padStart(2, '0')}:00`);
export const whole = (n: number) => (Math.round(n * 10) / 10).toLocaleString('en-GB');

export function duration(seconds: number) {
  const s = Math.round(seconds);
  if (s < 60) return `${s} seconds`;
  const m = Math.floor(s / 60);
  const rest = s % 60;
  return rest === 0 ? `${m} minute${m === 1 ? '' : 's'}` : `${m} min ${rest} s`;
}

/** How far the back-test was out, in words. */
export function accuracyText(c: ChannelDemand) {
  const t = c.backTest;
  if (!t) return 'Not tested: under 2 weeks of history';
  const weeks = t.days === 7 ? 'the last week' : `the last ${t.days / 7} weeks`;
  if (t.wape == null) return `Not measurable: nothing came in ${weeks}`;
  return `${percent(t.wape)} out on ${weeks}${t.method === 'SEASONAL_NAIVE' ? ' (same day last week)' : ''}`;
}

export function biasText(c: ChannelDemand) {
  const bias = c.backTest?.bias;
  if (bias == null) return '–';
  if (Math.abs(bias) < 0.005) return 'None';
  return bias > 0 ? `${percent(bias)} too high` : `${percent(-bias)} too low`;
}

/** Planned against what the rota needs, in words. */
export function gapText(h: StaffingHour) {
  if (h.planned == null) return h.neededOnRota === 0 ? 'Nothing needed' : `Not planned (${h.neededOnRota} needed)`;
  const gap = h.planned - h.neededOnRota;
  if (gap === 0) return 'Covered';
  return gap < 0 ? `${-gap} short` : `${gap} over`;
}

export const signedInText = (h: StaffingHour) => (h.available == null ? 'Not yet' : whole(h.available));
