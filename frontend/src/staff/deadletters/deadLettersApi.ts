import type { Schema } from '../../api/contract';
import { request } from '../../lib/http';
import { send } from '../api';

/** The first parked event of a contact's or case's sequence (GET /api/v1/admin/dead-letters). No payload, ever. */
export type DeadLetter = Schema<'Parked'>;
export type Retried = Schema<'Retried'>;
export type DeadLetterCount = Schema<'DeadLetterCount'>;

export const getDeadLetters = () => request<DeadLetter[]>('/api/v1/admin/dead-letters');
export const retryDeadLetter = (id: string) => send<Retried>('POST', `/api/v1/admin/dead-letters/${encodeURIComponent(id)}/retry`);
export const evictDeadLetter = (id: string) => send<void>('DELETE', `/api/v1/admin/dead-letters/${encodeURIComponent(id)}`);
/** Supervisors, auditors and admins: how many wait, for the warning on staff pages. */
export const getDeadLetterCount = () => request<DeadLetterCount>('/api/v1/staff/supervisor/dead-letters');
