import { useEffect, useRef, useState } from 'react';
import { HttpError } from '../lib/http';

/**
 * Opening a person's record is logged with a reason (DPA 2018 s.62). The server answers
 * 428 with `{title, detail, reasonRequired: true}` until the GET carries the reason in this header.
 */
export const REASON_HEADER = 'X-Access-Reason';
export const REASON_MAX = 500;

/**
 * A header value must be a Latin-1 byte string on one line, or fetch throws before sending.
 * New lines become spaces and typographic punctuation plain ASCII; anything else outside Latin-1 becomes "?".
 */
export function headerSafe(reason: string): string {
  return reason
    .replace(/[\u2018\u2019\u201A\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u2033]/g, '"')
    .replace(/[\u2013\u2014\u2212]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/[\s\u2028\u2029]+/g, ' ')
    .replace(/[^\x20-\x7E\xA0-\xFF]/gu, '?')
    .trim();
}

/** The header to send with every GET of a guarded record; none while no reason is known. */
export function reasonHeaders(reason: string | undefined): Record<string, string> {
  const value = headerSafe(reason ?? '').slice(0, REASON_MAX);
  return value ? { [REASON_HEADER]: value } : {};
}

export interface ReasonPrompt {
  /** The server's explanation, if it gave one. */
  detail?: string;
  /** A reason was sent and still refused. */
  refused: boolean;
}

export const isReasonRequired = (e: unknown): e is HttpError => e instanceof HttpError && e.status === 428;

/** What to show when a GET answered 428; `sent` is the reason that GET carried. */
export function promptFor(e: HttpError, sent: string): ReasonPrompt {
  const body = e.body as { detail?: unknown } | undefined;
  const detail = typeof body?.detail === 'string' && body.detail ? body.detail : undefined;
  return { detail, refused: !!headerSafe(sent) };
}

/** The check the reason form makes before sending anything. */
export const reasonError = (text: string) =>
  !text.trim() ? 'Enter a reason' : text.length > REASON_MAX ? `Reason must be ${REASON_MAX} characters or fewer` : undefined;

/**
 * Holds the reason for one record (`key`) in memory: every later GET of the same record
 * sends it again, a different record starts without one.
 */
export function useAccessReason(key: string) {
  const reason = useRef('');
  const [prompt, setPrompt] = useState<ReasonPrompt | null>(null);
  useEffect(() => {
    reason.current = '';
    setPrompt(null);
  }, [key]);
  return {
    prompt,
    reason: () => reason.current,
    setReason: (text: string) => {
      reason.current = text.trim();
    },
    /** Runs a GET with the reason header; null when the server wants a reason (the prompt is then set). */
    async guarded<T>(get: (headers: Record<string, string>) => Promise<T>): Promise<T | null> {
      const sent = reason.current;
      try {
        const result = await get(reasonHeaders(sent));
        setPrompt(null);
        return result;
      } catch (e) {
        if (!isReasonRequired(e)) throw e;
        setPrompt(promptFor(e, sent));
        return null;
      }
    },
  };
}
