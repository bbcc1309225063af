import type { Schema } from '../../api/contract';
import { request } from '../../lib/http';

export type LedgerMonth = Schema<'VictimsCodeMonth'>;
export type RightTotals = Schema<'VictimsCodeRightTotals'>;
export type CaseLedger = Schema<'VictimsCodeCase'>;

const BASE = '/api/v1/staff/supervisor/victims-code';

const query = (month: string, asAt: string | null) => {
  const q = new URLSearchParams({ month });
  if (asAt) q.set('asAt', asAt);
  return q.toString();
};

export const getLedgerMonth = (month: string, asAt: string | null) => request<LedgerMonth>(`${BASE}?${query(month, asAt)}`);
export const ledgerCsvLink = (month: string, asAt: string | null) => `${BASE}/export?${query(month, asAt)}`;
export const getCaseLedger = (reference: string, asAt: string | null) =>
  request<CaseLedger>(`${BASE}/cases/${encodeURIComponent(reference)}${asAt ? `?asAt=${encodeURIComponent(asAt)}` : ''}`);
