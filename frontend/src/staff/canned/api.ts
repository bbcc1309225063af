import type { Schema } from '../../api/contract';
import limits from '../../api/limits.json';
import { request } from '../../lib/http';
import { send } from '../api';

export type CannedResponse = Schema<'CannedResponse'>;
export type CannedResponseRequest = Schema<'CannedResponseRequest'>;
/** The server's limits on a canned response (CannedResponseRequest in the contract). */
export const CANNED_MAX = limits.CannedResponseRequest;

const manage = (id?: string) => `/api/v1/staff/supervisor/canned-responses${id ? `/${encodeURIComponent(id)}` : ''}`;

export const getCannedResponses = () => request<CannedResponse[]>('/api/v1/staff/canned-responses');
export const addCannedResponse = (r: CannedResponseRequest) => send<CannedResponse>('POST', manage(), r);
export const editCannedResponse = (id: string, r: CannedResponseRequest) => send<CannedResponse>('PUT', manage(id), r);
export const removeCannedResponse = (id: string) => send<void>('DELETE', manage(id));
