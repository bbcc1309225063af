import type { Schema } from '../../api/contract';
import { request } from '../../lib/http';
import { send } from '../api';

/** A row of the case search and the due list. */
export type CaseRow = Schema<'CaseRow'>;
export type CrimeDecision = Schema<'CrimeDecision'>;
export type HistoryEntry = Schema<'CaseHistoryEntry'>;
export type Delivery = Schema<'CaseDelivery'>;
/** The handler's case view (GET /api/v1/staff/cases/{reference}). */
export type CaseDetail = Schema<'CaseView'>;

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
  unsafeToContact: (ref: string, unsafe: boolean) => post(ref, 'unsafe-to-contact', { unsafe }),
  message: (ref: string, text: string) => post<Schema<'PostedCaseMessage'>>(ref, 'messages', { text }),
  link: (ref: string, reference: string) => post(ref, 'links', { reference }),
};
/** Recent cases of anyone who gave the same phone number, email address or postcode. */
export type PossibleDuplicate = Schema<'PossibleCase'>;
export const getPossibleDuplicates = (ref: string) => request<PossibleDuplicate[]>(cases(ref, '/possible-duplicates'));
