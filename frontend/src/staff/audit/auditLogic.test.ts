import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Replay, TableComparison } from './auditApi';
import {
  comparisonText,
  eventQuery,
  exportLink,
  filterErrors,
  integritySummary,
  localToIso,
  NO_FILTERS,
  progressText,
  rateText,
  replaySummary,
  shortHash,
  toLocalInput,
} from './auditLogic';

// datetime-local values are in the browser's time zone: pin it to the UK, clocks changes and all.
const tz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/London';
});
afterAll(() => {
  if (tz === undefined) delete process.env.TZ;
  else process.env.TZ = tz;
});

describe('local date and time to UTC', () => {
  it('converts winter (GMT) and summer (BST) times', () => {
    expect(localToIso('2026-01-15T09:30')).toBe('2026-01-15T09:30:00.000Z');
    expect(localToIso('2026-07-01T12:00')).toBe('2026-07-01T11:00:00.000Z');
    expect(localToIso('2026-07-01T00:30:15')).toBe('2026-06-30T23:30:15.000Z');
    expect(localToIso('2026-07-01T12:00:00.5')).toBe('2026-07-01T11:00:00.500Z');
  });
  it('refuses what is not a real date and time', () => {
    expect(localToIso('')).toBeNull();
    expect(localToIso('2026-02-30T10:00')).toBeNull();
    expect(localToIso('2026-13-01T10:00')).toBeNull();
    expect(localToIso('2026-01-01T24:00')).toBeNull();
    expect(localToIso('2026-01-01 10:00')).toBeNull();
    expect(localToIso('yesterday')).toBeNull();
    expect(localToIso('2028-02-29T10:00')).toBe('2028-02-29T10:00:00.000Z');
  });
  it('round-trips through the input format', () => {
    expect(toLocalInput(new Date('2026-07-01T11:00:00Z'))).toBe('2026-07-01T12:00');
    expect(localToIso(toLocalInput(new Date('2026-11-26T14:05:00Z')))).toBe('2026-11-26T14:05:00.000Z');
  });
});

describe('the event log query', () => {
  it('leaves out blanks, trims text and sends times in UTC', () => {
    const q = eventQuery(
      { ...NO_FILTERS, from: '2026-07-01T09:00', actor: ' staff:handler ', case: 'BL-2026-000123', type: 'ContactReceived' },
      null,
      50,
    );
    expect(q.toString()).toBe('from=2026-07-01T08%3A00%3A00.000Z&type=ContactReceived&actor=staff%3Ahandler&case=BL-2026-000123&size=50');
  });
  it('pages back from nextBefore', () => {
    expect(eventQuery(NO_FILTERS, 1234, 25).toString()).toBe('before=1234&size=25');
    expect(eventQuery(NO_FILTERS, 0).get('before')).toBe('0');
  });
  it('checks the times', () => {
    expect(filterErrors(NO_FILTERS)).toEqual([]);
    expect(filterErrors({ ...NO_FILTERS, from: '2026-02-31T10:00' }).map((e) => e.field)).toEqual(['log-from']);
    expect(filterErrors({ ...NO_FILTERS, from: '2026-07-02T10:00', to: '2026-07-01T10:00' })).toEqual([
      { field: 'log-to', message: '‘To’ must be the same as or after ‘From’' },
    ]);
  });
});

describe('download links', () => {
  it('carry the format and the reason in the query', () => {
    expect(exportLink('BL-2026-000123', 'json', ' Subject access request 42 ')).toBe(
      '/api/v1/audit/cases/BL-2026-000123/export?format=json&reason=Subject+access+request+42',
    );
    expect(exportLink('BL/1 2', 'csv', 'a&b=c')).toBe('/api/v1/audit/cases/BL%2F1%202/export?format=csv&reason=a%26b%3Dc');
    expect(exportLink('BL-2026-000123', 'csv', 'Subject access\r\nrequest\t42')).toBe(
      '/api/v1/audit/cases/BL-2026-000123/export?format=csv&reason=Subject+access+request+42',
    );
  });
});

const table = (t: Partial<TableComparison>): TableComparison => ({
  table: 'case_view',
  rowsBefore: 10,
  rowsAfter: 10,
  checksumBefore: 'abcdef0123456789abcdef',
  checksumAfter: 'abcdef0123456789abcdef',
  identical: true,
  onlyBefore: 0,
  onlyAfter: 0,
  ...t,
});
const replay = (r: Partial<Replay>): Replay => ({
  id: 'r1',
  readModel: 'case-view',
  requestedBy: 'auditor',
  startedAt: '2026-07-01T10:00:00Z',
  finishedAt: '2026-07-01T10:00:05Z',
  kind: 'REBUILD',
  state: 'COMPLETED',
  eventsDone: 1500,
  eventsTotal: 1500,
  eventsPerSecond: 2345.6,
  tables: [table({})],
  error: null,
  ...r,
});

describe('replay comparison', () => {
  it('says identical, or how many rows are only on each side', () => {
    expect(comparisonText(table({}))).toBe('Identical');
    expect(comparisonText(table({ identical: false, onlyBefore: 3, onlyAfter: 1 }))).toBe('Differs (3 rows only in the old, 1 only in the rebuilt)');
    expect(comparisonText(table({ identical: false, onlyBefore: 1, onlyAfter: 0 }))).toBe('Differs (1 row only in the old, 0 only in the rebuilt)');
    expect(comparisonText(table({ identical: false, onlyBefore: 1200, onlyAfter: 2 }))).toBe(
      'Differs (1,200 rows only in the old, 2 only in the rebuilt)',
    );
  });
  it('shows the first 12 characters of a checksum', () => {
    expect(shortHash('abcdef0123456789abcdef')).toBe('abcdef012345');
    expect(shortHash(null)).toBe('None');
  });
  it('progress and rate', () => {
    expect(progressText({ eventsDone: 250, eventsTotal: 1500 })).toBe('250 of 1,500 events');
    expect(rateText({ eventsPerSecond: 2345.6 })).toBe('2,346 events/s');
    expect(rateText({ eventsPerSecond: 2.25 })).toBe('2.3 events/s');
    expect(rateText({ eventsPerSecond: 0 })).toBe('0 events/s');
  });
  it('sums up a run', () => {
    expect(replaySummary(replay({}))).toBe('The rebuild of case-view is complete: the table is identical');
    expect(replaySummary(replay({ tables: [table({}), table({ table: 'b' })] }))).toBe(
      'The rebuild of case-view is complete: all 2 tables are identical',
    );
    expect(replaySummary(replay({ tables: [table({}), table({ table: 'b', identical: false, onlyAfter: 1 })] }))).toBe(
      'The rebuild of case-view is complete: 1 of 2 tables differs',
    );
    expect(replaySummary(replay({ state: 'FAILED', error: 'boom' }))).toBe('The rebuild of case-view failed');
    expect(replaySummary(replay({ state: 'RUNNING' }))).toBe('Rebuilding case-view');
  });
});

describe('integrity verdict', () => {
  it('intact, with the head hash', () => {
    expect(integritySummary({ ok: true, eventsVerified: 1234, head: { position: 1233, hash: 'ab12' }, firstBreak: null, unchained: [] })).toBe(
      'The event log is intact: 1,234 events verified, head hash ab12',
    );
    expect(integritySummary({ ok: true, eventsVerified: 0, head: null, firstBreak: null, unchained: [] })).toBe(
      'The event log is intact: 0 events verified',
    );
  });
  it('broken, with the first broken link', () => {
    const firstBreak = { kind: 'CHANGED' as const, position: 7, globalIndex: 9, message: 'Event 9 does not match its hash' };
    expect(integritySummary({ ok: false, eventsVerified: 7, head: null, firstBreak, unchained: [] })).toBe(
      'The event log has been altered: Event 9 does not match its hash',
    );
  });
});
