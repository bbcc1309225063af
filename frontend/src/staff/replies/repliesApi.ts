import type { Schema } from '../../api/contract';
import { request } from '../../lib/http';
import { send } from '../api';

/** A citizen's text or email that matched no case (GET /api/v1/staff/replies). */
export type UnmatchedReply = Schema<'UnmatchedReply'>;

const reply = (id: string, action: string) => `/api/v1/staff/replies/${encodeURIComponent(id)}/${action}`;

export const getUnmatchedReplies = () => request<UnmatchedReply[]>('/api/v1/staff/replies');
export const attachReply = (id: string, reference: string) => send<void>('POST', reply(id, 'attach'), { reference });
export const closeReply = (id: string, note: string) => send<void>('POST', reply(id, 'close'), note ? { note } : {});
