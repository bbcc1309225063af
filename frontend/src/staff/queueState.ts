import type { Queue, QueueItem } from './api';

/**
 * Applies one live QueueItem: a waiting contact goes into (or moves within) its channel's
 * queue, anything else leaves it. Placement copies the server's order: priority (lower
 * number first), then longest wait; a reconnect refetches the whole list anyway.
 */
export function applyQueueItem(queues: Queue[], item: QueueItem): Queue[] {
  return queues.map((q) => {
    const items = q.items.filter((i) => i.contactId !== item.contactId);
    if (item.state === 'WAITING' && item.channel === q.channel) {
      const at = items.findIndex((i) => before(item, i));
      items.splice(at < 0 ? items.length : at, 0, item);
    }
    return items.length === q.items.length && !q.items.some((i) => i.contactId === item.contactId) ? q : { ...q, items };
  });
}

const before = (a: QueueItem, b: QueueItem) =>
  (a.priority ?? 0) !== (b.priority ?? 0) ? (a.priority ?? 0) < (b.priority ?? 0) : a.queuedAt < b.queuedAt;

/** The handler's own list: kept while assigned to them, dropped when closed, abandoned or passed on. */
export function applyMine(mine: QueueItem[], item: QueueItem, me: string): QueueItem[] {
  const rest = mine.filter((i) => i.contactId !== item.contactId);
  return item.state === 'ASSIGNED' && item.handler === me ? [...rest, item] : rest;
}

export const waitedSeconds = (item: QueueItem, now: number) => (now - new Date(item.queuedAt).getTime()) / 1000;

/** The server's flag is a snapshot; the clock keeps running on the page, so it is worked out here too. */
export const isOverTarget = (item: QueueItem, targetSeconds: number, now: number) =>
  !!item.overTarget || (targetSeconds > 0 && waitedSeconds(item, now) > targetSeconds);

/** "4:05" under an hour, so the clock visibly ticks; words beyond that, where seconds are noise. */
export function formatWait(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s >= 3600) {
    const h = Math.floor(s / 3600);
    const days = Math.floor(h / 24);
    const plural = (n: number, unit: string) => (n ? `${n} ${unit}${n === 1 ? '' : 's'}` : '');
    const words = days ? [plural(days, 'day'), plural(h % 24, 'hour')] : [plural(h, 'hour'), plural(Math.floor((s % 3600) / 60), 'minute')];
    return words.filter(Boolean).join(' ');
  }
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
