import { request } from '../../lib/http';
import { send } from '../api';
import type { CaseDetail } from '../cases/casesApi';
import { eventQuery, type EventFilters } from './auditLogic';

/** One stored event, as the audit API describes it. `type` is the event's simple class name. */
export interface Entry {
  globalIndex: number;
  chainPosition: number | null;
  eventId: string;
  aggregateId: string;
  sequenceNumber: number;
  type: string;
  occurredAt: string;
  actor: string | null;
  channel: string | null;
  correlationId: string | null;
  causationId: string | null;
  sentence: string | null;
  payload: unknown;
  metaData: unknown;
}

export interface EventPage {
  entries: Entry[];
  /** Pass back as `before` for the next, older page; null when there is none. */
  nextBefore: number | null;
}

export interface CaseHistory {
  reference: string;
  entries: Entry[];
}

export type CaseAsOf = CaseDetail & { asOf: string };

export interface AccessEntry {
  eventId: string;
  viewedAt: string;
  viewer: string;
  subjectType: string;
  subjectId: string;
  reference: string | null;
  view: string;
  reason: string | null;
}

export interface ReadModel {
  name: string;
  processor: string;
  tables: string[];
}

export interface TableComparison {
  table: string;
  rowsBefore: number;
  rowsAfter: number;
  checksumBefore: string | null;
  checksumAfter: string | null;
  identical: boolean;
  onlyBefore: number;
  onlyAfter: number;
}

/** QUEUED: a scrub after an erasure waiting its turn; CANCELLED: stopped by its starter, an admin or an erasure. */
export type ReplayState = 'QUEUED' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELLED';

export interface Replay {
  id: string;
  readModel: string;
  requestedBy: string;
  startedAt: string;
  finishedAt: string | null;
  state: ReplayState;
  /** SCRUB: a rebuild that removes an erased person's data; it cannot be cancelled. */
  kind?: 'REBUILD' | 'SCRUB';
  eventsDone: number;
  eventsTotal: number;
  eventsPerSecond: number;
  tables: TableComparison[] | null;
  error: string | null;
}

export interface Integrity {
  ok: boolean;
  eventsVerified: number;
  head: { position: number; hash: string } | null;
  firstBreak: { kind: string; position: number | null; globalIndex: number | null; message: string } | null;
  unchained: { globalIndex: number; type: string; aggregateId: string }[];
}

const AUDIT = '/api/v1/audit';
const caseUrl = (ref: string, rest: string) => `${AUDIT}/cases/${encodeURIComponent(ref)}${rest}`;
type Headers = Record<string, string>;

// The log shows decrypted personal data: every page carries the reason the auditor gave.
export const getEvents = (filters: EventFilters, before?: number | null, size = 50, headers: Record<string, string> = {}) =>
  request<EventPage>(`${AUDIT}/events?${eventQuery(filters, before, size)}`, { headers });
export const getEventTypes = () => request<string[]>(`${AUDIT}/event-types`);
// Every GET about one case carries the reason the auditor gave (`headers` from useAccessReason).
export const getCaseHistory = (ref: string, headers: Headers) => request<CaseHistory>(caseUrl(ref, '/history'), { headers });
export const getCaseAsOf = (ref: string, atIso: string, headers: Headers) =>
  request<CaseAsOf>(caseUrl(ref, `/as-of?${new URLSearchParams({ at: atIso })}`), { headers });
export const getAccess = (by: { reference: string } | { viewer: string }, headers: Headers = {}) =>
  request<AccessEntry[]>(`${AUDIT}/access?${new URLSearchParams(by)}`, { headers });
export const getReadModels = () => request<ReadModel[]>(`${AUDIT}/read-models`);
export const startReplay = (readModel: string) => send<Replay>('POST', `${AUDIT}/replays`, { readModel });
export const getReplay = (id: string) => request<Replay>(`${AUDIT}/replays/${encodeURIComponent(id)}`);
export const getReplays = () => request<Replay[]>(`${AUDIT}/replays`);
export const cancelReplay = (id: string) => send<Replay>('POST', `${AUDIT}/replays/${encodeURIComponent(id)}/cancel`);
export const verifyIntegrity = () => request<Integrity>(`${AUDIT}/integrity`);
