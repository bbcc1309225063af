import { request } from '../../lib/http';
import { send } from '../api';

/** The first parked event of a contact's or case's sequence (GET /api/v1/admin/dead-letters). No payload, ever. */
export interface DeadLetter {
  id: string;
  readModel: string;
  /** The contact id or case reference whose events wait. */
  sequence: string;
  eventId: string;
  eventType: string;
  causeType: string | null;
  /** The failure without any value from the event; null when it waits only behind an evicted one. */
  cause: string | null;
  since: string;
  lastTouched: string | null;
  waitingBehind: number;
  beingRetried: boolean;
}

export interface Retried {
  outcome: 'PROJECTED' | 'STILL_PARKED';
  deadLetter: DeadLetter | null;
}

export interface DeadLetterCount {
  deadLetters: number;
  readModels: string[];
}

export const getDeadLetters = () => request<DeadLetter[]>('/api/v1/admin/dead-letters');
export const retryDeadLetter = (id: string) => send<Retried>('POST', `/api/v1/admin/dead-letters/${encodeURIComponent(id)}/retry`);
export const evictDeadLetter = (id: string) => send<void>('DELETE', `/api/v1/admin/dead-letters/${encodeURIComponent(id)}`);
/** Supervisors, auditors and admins: how many wait, for the warning on staff pages. */
export const getDeadLetterCount = () => request<DeadLetterCount>('/api/v1/staff/supervisor/dead-letters');
