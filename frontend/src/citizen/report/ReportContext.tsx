import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AnswerOf } from '../../api/contract';
import { emptyReport, type ReportData } from './model';

export type Confirmation = AnswerOf<'/api/v1/reports', 'post', 201>;

interface ReportState {
  data: ReportData;
  update: (patch: Partial<ReportData>) => void;
  idempotencyKey: () => string;
  complete: (confirmation: Confirmation) => void;
  confirmation: Confirmation | null;
}

const Ctx = createContext<ReportState | null>(null);

export function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID exists only in secure contexts; plain-http intranet hosts still get a random key.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Answers live in memory only: nothing in localStorage or sessionStorage, so after
 * "Leave this site" on a shared device nothing of the report is left behind.
 */
export function ReportProvider({ children }: { children: ReactNode }) {
  const [data, setData] = useState<ReportData>(emptyReport);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  // One key per set of answers: a double click or retry cannot make two cases,
  // and changed answers get a new key (the server refuses a reused key with a different body).
  const key = useRef<string | null>(null);

  const update = useCallback((patch: Partial<ReportData>) => {
    key.current = null;
    // Answering again starts a new report: the last one's confirmation is done with.
    setConfirmation(null);
    setData((d) => ({ ...d, ...patch }));
  }, []);
  const idempotencyKey = useCallback(() => (key.current ??= newKey()), []);
  const complete = useCallback((c: Confirmation) => {
    setConfirmation(c);
    setData(emptyReport());
    key.current = null;
  }, []);

  const value = useMemo(() => ({ data, update, idempotencyKey, complete, confirmation }), [data, update, idempotencyKey, complete, confirmation]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useReport(): ReportState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useReport outside ReportProvider');
  return v;
}
