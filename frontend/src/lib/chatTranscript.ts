/** A chat as one side sees it: messages the server has stored, plus what we sent that it has not echoed yet. */
import type { Schema } from '../api/contract';

/** A chat message as the server sends it, over HTTP and STOMP alike. */
export type ChatMessage = Schema<'ChatMessageView'>;

export interface Pending {
  clientMessageId: string;
  text: string;
}

export interface Transcript {
  messages: ChatMessage[];
  pending: Pending[];
}

export const emptyTranscript: Transcript = { messages: [], pending: [] };

/** Adds messages however they arrive (twice, late, out of order); a stored echo settles its pending entry. */
export function merge(t: Transcript, incoming: ChatMessage[]): Transcript {
  if (!incoming.length) return t;
  const bySeq = new Map(t.messages.map((m) => [m.seq, m]));
  for (const m of incoming) if (!bySeq.has(m.seq)) bySeq.set(m.seq, m);
  const messages = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  const stored = new Set(messages.map((m) => m.clientMessageId).filter(Boolean));
  return { messages, pending: t.pending.filter((p) => !stored.has(p.clientMessageId)) };
}

export function enqueue(t: Transcript, p: Pending): Transcript {
  return { ...t, pending: [...t.pending, p] };
}

/**
 * The seq to ask `?after=` for. seq has no gaps on the server, so we stop at our first
 * gap: the fetch then fills it, and merge drops what we already had.
 */
export function lastSeq(t: Transcript): number {
  let last = 0;
  for (const m of t.messages) {
    if (m.seq === last + 1) last = m.seq;
    else if (m.seq > last + 1) break;
  }
  return last;
}

/** True when a message arrived ahead of one we never saw: time to fetch the missing ones. */
export const hasGap = (t: Transcript) => t.messages.length > 0 && lastSeq(t) < t.messages[t.messages.length - 1].seq;

/** Ids for outgoing messages; randomUUID needs a secure context, which plain http on a LAN is not. */
export function newClientMessageId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
}
