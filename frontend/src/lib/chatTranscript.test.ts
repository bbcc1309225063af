import { describe, expect, it } from 'vitest';
import { emptyTranscript, enqueue, hasGap, lastSeq, merge, newClientMessageId, type ChatMessage } from './chatTranscript';

const msg = (seq: number, clientMessageId?: string): ChatMessage => ({
  seq,
  author: 'CITIZEN',
  text: `message ${seq}`,
  clientMessageId,
  at: '2026-11-26T10:00:00Z',
});
const seqs = (t: { messages: ChatMessage[] }) => t.messages.map((m) => m.seq);

describe('chat transcript', () => {
  it('keeps one copy of a message delivered twice (live and by the catch-up fetch)', () => {
    const t = merge(merge(emptyTranscript, [msg(1), msg(2)]), [msg(2), msg(1), msg(3)]);
    expect(seqs(t)).toEqual([1, 2, 3]);
  });

  it('orders by seq whatever the arrival order', () => {
    expect(seqs(merge(emptyTranscript, [msg(3), msg(1), msg(2)]))).toEqual([1, 2, 3]);
  });

  it('asks for messages after the last one before a gap, and reports the gap', () => {
    const t = merge(emptyTranscript, [msg(1), msg(2), msg(5)]);
    expect(lastSeq(t)).toBe(2);
    expect(hasGap(t)).toBe(true);
    const filled = merge(t, [msg(3), msg(4), msg(5)]);
    expect(lastSeq(filled)).toBe(5);
    expect(hasGap(filled)).toBe(false);
  });

  it('starts from 0 when nothing (or only a late message) has arrived', () => {
    expect(lastSeq(emptyTranscript)).toBe(0);
    expect(lastSeq(merge(emptyTranscript, [msg(4)]))).toBe(0);
  });

  it('keeps unechoed messages pending for resending after a reconnect, with the same id', () => {
    let t = enqueue(emptyTranscript, { clientMessageId: 'a', text: 'first' });
    t = enqueue(t, { clientMessageId: 'b', text: 'second' });
    // The connection drops; the catch-up fetch shows the server stored "a" but never got "b".
    t = merge(t, [msg(1), msg(2, 'a')]);
    expect(t.pending).toEqual([{ clientMessageId: 'b', text: 'second' }]);
    // The resend is echoed: nothing is left to send, and the message appears once.
    t = merge(t, [msg(3, 'b'), msg(3, 'b')]);
    expect(t.pending).toEqual([]);
    expect(seqs(t)).toEqual([1, 2, 3]);
  });

  it('returns the same transcript when nothing arrives, so React skips a render', () => {
    const t = merge(emptyTranscript, [msg(1)]);
    expect(merge(t, [])).toBe(t);
  });

  it('makes distinct client message ids', () => {
    expect(newClientMessageId()).not.toBe(newClientMessageId());
  });
});
