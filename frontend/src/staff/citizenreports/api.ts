import type { AnswerOf } from '../../api/contract';
import { request } from '../../lib/http';

const BASE = '/api/v1/staff/supervisor/reports';

export type SignpostingReport = AnswerOf<'/api/v1/staff/supervisor/reports/signposting', 'get', 200>;
export type SatisfactionReport = AnswerOf<'/api/v1/staff/supervisor/reports/satisfaction', 'get', 200>;

/** Months as the server takes them (2026-01); none asks for the last twelve. */
const query = (from: string, to: string) => {
  const q = new URLSearchParams();
  if (from) q.set('from', from);
  if (to) q.set('to', to);
  const s = q.toString();
  return s ? `?${s}` : '';
};

export const getSignposting = (from: string, to: string) => request<SignpostingReport>(`${BASE}/signposting${query(from, to)}`);
export const getSatisfaction = (from: string, to: string) => request<SatisfactionReport>(`${BASE}/satisfaction${query(from, to)}`);
export const signpostingCsv = (from: string, to: string) => `${BASE}/signposting.csv${query(from, to)}`;
export const satisfactionCsv = (from: string, to: string) => `${BASE}/satisfaction.csv${query(from, to)}`;
