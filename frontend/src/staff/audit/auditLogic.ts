import labels from '../../api/labels.json';
import type { FieldError } from '../../lib/http';
import type { Integrity, Replay, TableComparison } from './auditApi';

/** What the event log form holds: `from` and `to` as a datetime-local input gives them (local time). */
export interface EventFilters {
  from: string;
  to: string;
  type: string;
  actor: string;
  channel: string;
  case: string;
}

export const NO_FILTERS: EventFilters = { from: '', to: '', type: '', actor: '', channel: '', case: '' };

/** The channels events are stamped with: the public channels, staff, and the citizen-update routes (app/web/EnumLabels). */
export const EVENT_CHANNELS = labels.EventChannel;

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/**
 * A datetime-local value ("2026-07-01T12:00", in the browser's time zone) as an ISO instant in UTC;
 * null when it is empty or not a real time.
 */
export function localToIso(local: string): string | null {
  const m = LOCAL.exec(local.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s = '0', ms = '0'] = m.slice(1).map((x) => x ?? '0');
  const daysInMonth = new Date(+y, +mo, 0).getDate();
  if (+mo < 1 || +mo > 12 || +d < 1 || +d > daysInMonth || +h > 23 || +mi > 59 || +s > 59) return null;
  // A time the clocks skip (01:30 on the last Sunday in March, in the UK) becomes the instant an hour on.
  const date = new Date(+y, +mo - 1, +d, +h, +mi, +s, +ms.padEnd(3, '0'));
  return date.toISOString();
}

/** A Date as a datetime-local value in the browser's time zone, to the minute. */
export function toLocalInput(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}T${p(date.getHours())}:${p(date.getMinutes())}`;
}

/** The form's problems, with field ids `log-from` and `log-to`. */
export function filterErrors(f: EventFilters): FieldError[] {
  const errors: FieldError[] = [];
  const from = f.from && localToIso(f.from);
  const to = f.to && localToIso(f.to);
  if (f.from && !from) errors.push({ field: 'log-from', message: 'Enter a real date and time for ‘From’' });
  if (f.to && !to) errors.push({ field: 'log-to', message: 'Enter a real date and time for ‘To’' });
  if (from && to && from > to) errors.push({ field: 'log-to', message: '‘To’ must be the same as or after ‘From’' });
  return errors;
}

/** The query string of GET /api/v1/audit/events: blanks left out, times in UTC. */
export function eventQuery(f: EventFilters, before?: number | null, size = 50): URLSearchParams {
  const q = new URLSearchParams();
  const from = f.from ? localToIso(f.from) : null;
  const to = f.to ? localToIso(f.to) : null;
  if (from) q.set('from', from);
  if (to) q.set('to', to);
  for (const k of ['type', 'actor', 'channel', 'case'] as const) if (f[k].trim()) q.set(k, f[k].trim());
  if (before !== undefined && before !== null) q.set('before', String(before));
  q.set('size', String(size));
  return q;
}

/**
 * A plain link that downloads a case's history; the reason travels as a query parameter, as a
 * link cannot send headers. A parameter is one line (the server refuses line breaks and tabs in
 * it), so the reason typed over several lines is sent on one, as it is in the header.
 */
export function exportLink(reference: string, format: 'json' | 'csv', reason: string): string {
  const q = new URLSearchParams({ format, reason: reason.replace(/\s+/g, ' ').trim() });
  return `/api/v1/audit/cases/${encodeURIComponent(reference)}/export?${q}`;
}

const number = new Intl.NumberFormat('en-GB');
export const formatNumber = (n: number) => number.format(n);
const plural = (n: number, one: string, many = `${one}s`) => `${formatNumber(n)} ${n === 1 ? one : many}`;

/** "Identical", or how the rebuilt table differs from the old one. */
export function comparisonText(t: TableComparison): string {
  if (t.identical) return 'Identical';
  return `Differs (${plural(t.onlyBefore, 'row')} only in the old, ${formatNumber(t.onlyAfter)} only in the rebuilt)`;
}

/** Enough of a checksum to compare by eye. */
export const shortHash = (hash: string | null | undefined) => (hash ? hash.slice(0, 12) : 'None');

export const progressText = (r: Pick<Replay, 'eventsDone' | 'eventsTotal'>) =>
  `${formatNumber(r.eventsDone)} of ${formatNumber(r.eventsTotal)} events`;

export function rateText(r: Pick<Replay, 'eventsPerSecond'>): string {
  const rate = r.eventsPerSecond ?? 0;
  return `${rate > 0 && rate < 10 ? rate.toFixed(1) : formatNumber(Math.round(rate))} events/s`;
}

/** The banner heading of a finished (or running) rebuild. */
/** A back-fill is the system's own: a read model new on a log with history is filled from all of it. */
export function askedFor(r: Replay): string {
  if (r.kind === 'BACKFILL') return 'Started by the system to fill a new read model with the history before it';
  return `Asked for by ${r.requestedBy}`;
}

export function replaySummary(r: Replay): string {
  if (r.state === 'RUNNING') return `Rebuilding ${r.readModel}`;
  if (r.state === 'FAILED') return `The rebuild of ${r.readModel} failed`;
  if (r.state === 'CANCELLED') return `The rebuild of ${r.readModel} was stopped`;
  if (r.state === 'QUEUED') return `The rebuild of ${r.readModel} is waiting to start`;
  const tables = r.tables ?? [];
  const differ = tables.filter((t) => !t.identical).length;
  if (!differ)
    return `The rebuild of ${r.readModel} is complete: ${tables.length === 1 ? 'the table is' : `all ${tables.length} tables are`} identical`;
  return `The rebuild of ${r.readModel} is complete: ${differ} of ${plural(tables.length, 'table')} ${differ === 1 ? 'differs' : 'differ'}`;
}

export const STATE_LABEL: Record<Replay['state'], string> = {
  QUEUED: 'Waiting',
  RUNNING: 'Running',
  COMPLETED: 'Completed',
  FAILED: 'Failed',
  CANCELLED: 'Stopped',
};
export const STATE_TAG: Record<Replay['state'], string> = {
  QUEUED: 'govuk-tag--grey',
  CANCELLED: 'govuk-tag--grey',
  RUNNING: 'govuk-tag--blue',
  COMPLETED: 'govuk-tag--green',
  FAILED: 'govuk-tag--red',
};

/** The one-line verdict of an integrity check. */
export function integritySummary(i: Integrity): string {
  if (i.ok) {
    const head = i.head ? `, head hash ${i.head.hash}` : '';
    return `The event log is intact: ${plural(i.eventsVerified, 'event')} verified${head}`;
  }
  return i.firstBreak ? `The event log has been altered: ${i.firstBreak.message}` : 'The event log could not be verified';
}

/** Audit times to the second, in UK time, as the rest of the staff pages show times. */
const auditTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
  timeZone: 'Europe/London',
});
export const formatAuditTime = (iso: string | null | undefined) => (iso ? auditTime.format(new Date(iso)) : '');

export const prettyJson = (value: unknown) => JSON.stringify(value ?? null, null, 2);
