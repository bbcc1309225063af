import type { Channel, Stats } from './api';

export const HOURS = Array.from({ length: 24 }, (_, h) => h);
export const hourLabel = (h: number) => `${String(h).padStart(2, '0')}:00`;

export interface WaitSeries {
  channel: Channel;
  /** One per hour of the day, 00:00 first: the average wait in seconds, or null for an hour nobody was answered in. */
  values: (number | null)[];
}

/**
 * The chart's lines: every channel over all 24 hours, an hour without figures left null so the
 * line breaks there rather than joining its neighbours, and an hour alone kept as a point.
 */
export function waitSeries(data: Stats['waitsByHour'], channels: Channel[]): WaitSeries[] {
  return channels.map((channel) => ({
    channel,
    values: HOURS.map((h) => data.find((d) => d.channel === channel && d.hour === h)?.averageWaitSeconds ?? null),
  }));
}

const TEXT = '#0b0c0c';

/**
 * How every chart of waits by hour is drawn: still (no animation, no hover: the table beside it
 * carries the figures for keyboard and screen reader users), hours along, waits up from zero.
 */
export const waitLineOptions = (formatWait: (seconds: number) => string) => ({
  animation: false as const,
  responsive: true,
  maintainAspectRatio: false,
  events: [],
  plugins: { legend: { display: false }, tooltip: { enabled: false } },
  scales: {
    x: { ticks: { color: TEXT, autoSkip: true, maxRotation: 0 } },
    y: { beginAtZero: true, suggestedMax: 60, ticks: { color: TEXT, maxTicksLimit: 5, callback: (v: string | number) => formatWait(Number(v)) } },
  },
});
