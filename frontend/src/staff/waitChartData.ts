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
