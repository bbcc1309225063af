import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AnswerOf } from '../../api/contract';
import { onQuickExit } from '../quickExit';
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

// Session storage: the answers and the confirmation survive a reload of this tab and end with
// it. Submitting clears the answers; quick exit clears both, so after "Leave this site" on a
// shared device nothing of the report is left behind.
const DRAFT = 'bluelamp.report.draft';
const CONFIRMED = 'bluelamp.report.confirmation';

function stored<T>(name: string, valid: (v: T) => boolean): T | null {
  try {
    const found = JSON.parse(sessionStorage.getItem(name) ?? 'null') as T | null;
    return found && valid(found) ? found : null;
  } catch {
    return null;
  }
}

function keep(name: string, value: unknown) {
  if (value === null) sessionStorage.removeItem(name);
  else sessionStorage.setItem(name, JSON.stringify(value));
}

interface Draft {
  data: ReportData;
  /** Kept with the answers: a reload after a submit whose answer was lost sends the same key, so no second case. */
  key: string | null;
}

export function ReportProvider({ children }: { children: ReactNode }) {
  const draft = useRef(stored<Draft>(DRAFT, (d) => typeof d.data === 'object'));
  const [data, setData] = useState<ReportData>(() => ({ ...emptyReport(), ...draft.current?.data }));
  const [confirmation, setConfirmation] = useState<Confirmation | null>(() =>
    stored<Confirmation>(CONFIRMED, (c) => typeof c.reference === 'string' && typeof c.trackingCode === 'string'),
  );
  // One key per set of answers: a double click or retry cannot make two cases,
  // and changed answers get a new key (the server refuses a reused key with a different body).
  const key = useRef<string | null>(draft.current?.key ?? null);

  useEffect(() => keep(DRAFT, isEmpty(data) ? null : { data, key: key.current }), [data]);
  useEffect(() => keep(CONFIRMED, confirmation), [confirmation]);
  useEffect(
    () =>
      onQuickExit(() => {
        sessionStorage.removeItem(DRAFT);
        sessionStorage.removeItem(CONFIRMED);
      }),
    [],
  );

  const update = useCallback((patch: Partial<ReportData>) => {
    key.current = null;
    // Answering again starts a new report: the last one's confirmation is done with.
    setConfirmation(null);
    setData((d) => ({ ...d, ...patch }));
  }, []);
  const idempotencyKey = useCallback(() => {
    if (!key.current) {
      key.current = newKey();
      keep(DRAFT, { data, key: key.current });
    }
    return key.current;
  }, [data]);
  const complete = useCallback((c: Confirmation) => {
    setConfirmation(c);
    setData(emptyReport());
    key.current = null;
  }, []);

  const value = useMemo(() => ({ data, update, idempotencyKey, complete, confirmation }), [data, update, idempotencyKey, complete, confirmation]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

const isEmpty = (d: ReportData) => JSON.stringify(d) === JSON.stringify(emptyReport());

export function useReport(): ReportState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useReport outside ReportProvider');
  return v;
}
