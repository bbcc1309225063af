import { request } from '../../lib/http';
import { send } from '../api';
import type { Schema } from '../../api/contract';
import { eventQuery, type EventFilters } from './auditLogic';

/** One stored event, as the audit API describes it. `type` is the event's simple class name. */
export type Entry = Schema<'EventEntry'>;
/** `nextBefore`: pass back as `before` for the next, older page; absent when there is none. */
export type EventPage = Schema<'EventPage'>;
export type CaseHistory = Schema<'CaseHistory'>;
export type CaseAsOf = Schema<'CaseAsAt'>;
export type AccessEntry = Schema<'AccessEntry'>;
export type ReadModel = Schema<'ReadModel'>;
export type TableComparison = Schema<'TableComparison'>;
export type Replay = Schema<'Replay'>;
/** QUEUED: a scrub after an erasure waiting its turn; CANCELLED: stopped by its starter, an admin or an erasure. */
export type ReplayState = Replay['state'];
/** `head` (an empty chain) and `firstBreak` (an intact one) come as null, which the document's refs cannot say yet. */
export type Integrity = Omit<Schema<'IntegrityReport'>, 'head' | 'firstBreak'> & {
  head: Schema<'ChainHead'> | null;
  firstBreak: Schema<'ChainBreak'> | null;
};

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
