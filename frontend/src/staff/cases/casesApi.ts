import type { CaseMessage } from '../../components/CaseMessages';
import { request } from '../../lib/http';
import { send } from '../api';

export interface CaseRow {
  reference: string;
  status: string;
  statusLabel: string;
  category: string;
  categoryLabel: string;
  openedAt: string;
  nextUpdateDue?: string | null;
  updateOverdue?: boolean;
  assignedTo?: string | null;
  team?: string | null;
  name?: string | null;
}

export interface CrimeDecision {
  decided: boolean;
  recorded?: boolean | null;
  crimeNumber?: string | null;
  reason?: string | null;
  due?: string | null;
  overdue?: boolean;
}

export interface HistoryEntry {
  at: string;
  type: string;
  title: string;
  detail?: string | null;
  actor?: string | null;
  visibility: 'PUBLIC' | 'INTERNAL';
}

export interface Delivery {
  updateId: string;
  channel: string;
  status: 'PENDING' | 'SENT' | 'DELIVERED' | 'FAILED' | 'CALL_TASK' | 'ONLINE';
  attempts: number;
  at: string;
  error?: string | null;
}

export interface CaseDetail extends CaseRow {
  enhancedRights: boolean;
  updateChannel: string;
  updateFrequency: string;
  crimeDecision?: CrimeDecision | null;
  history: HistoryEntry[];
  contacts: { contactId: string; channel: string; at: string; summary?: string | null }[];
  messages: CaseMessage[];
  deliveries: Delivery[];
}

const cases = (ref = '', rest = '') => `/api/v1/staff/cases${ref ? `/${encodeURIComponent(ref)}` : ''}${rest}`;

/** `headers` carries X-Access-Reason once an auditor or admin has said why they are searching. */
export const searchCases = (q: string, status: string, headers: Record<string, string> = {}) =>
  request<CaseRow[]>(`${cases()}?${new URLSearchParams({ q, status })}`, { headers });
export const getDueCases = () => request<CaseRow[]>(cases('', '/due'));
/** `headers` carries X-Access-Reason once the person has said why they are opening the case. */
export const getCase = (ref: string, headers: Record<string, string> = {}) => request<CaseDetail>(cases(ref), { headers });

const post = <T = void>(ref: string, action: string, body: object) => send<T>('POST', cases(ref, `/${action}`), body);
export const caseActions = {
  assign: (ref: string, b: { handler?: string; team?: string }) => post(ref, 'assign', b),
  note: (ref: string, text: string) => post(ref, 'notes', { text }),
  update: (ref: string, text: string, keyDecision: boolean) => post(ref, 'updates', { text, keyDecision }),
  status: (ref: string, b: { status: string; team?: string; note?: string }) => post(ref, 'status', b),
  reopen: (ref: string, reason: string) => post(ref, 'reopen', { reason }),
  crimeDecision: (ref: string, b: { recorded: boolean; crimeNumber?: string; reason?: string }) => post(ref, 'crime-decision', b),
  enhancedRights: (ref: string, enhanced: boolean) => post(ref, 'enhanced-rights', { enhanced }),
  message: (ref: string, text: string) => post<CaseMessage>(ref, 'messages', { text }),
};
