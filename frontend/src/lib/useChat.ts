import { useEffect, useRef, useState } from 'react';
import type { Client, StompHeaders } from '@stomp/stompjs';
import type { Schema } from '../api/contract';
import {
  emptyTranscript,
  enqueue,
  hasGap,
  lastSeq,
  merge,
  newClientMessageId,
  type ChatMessage,
  type Pending,
  type Transcript,
} from './chatTranscript';
import { isAccessEnded, openStomp, parse } from './stomp';

/** Where a chat stands: the server's ChatView without its messages (STOMP state events carry the same). */
export type ChatState = Pick<Schema<'ChatView'>, 'state' | 'position' | 'handlerName' | 'endReason' | 'expectedWaitMinutes'>;

type TopicEvent =
  | { type: 'message'; message: ChatMessage }
  | ({ type: 'state' } & ChatState)
  | { type: 'idle-warning'; closesAt: string }
  | { type: 'case'; reference: string }
  | { type: 'typing'; author: string };

interface Options {
  contactId: string;
  /** Sent on SUBSCRIBE and SEND: the citizen's chat-token. */
  headers?: StompHeaders;
  connectHeaders?: () => Promise<StompHeaders>;
  /** Messages with seq > after, from the REST API. */
  fetchAfter: (after: number) => Promise<ChatMessage[]>;
  onState?: (s: ChatState) => void;
  /** Nobody has written for a while: the chat closes at `closesAt` unless someone does (null once someone has). */
  onIdleWarning?: (closesAt: string | null) => void;
  /** A handler opened or joined a case from this chat; its citizen fetches the details with their token. */
  onCase?: (reference: string) => void;
  /**
   * The server has ended this subscriber's stream (the chat was transferred or closed, or the
   * subscription refused): the connection stops for good rather than reconnect into a refusal.
   */
  onAccessEnded?: () => void;
}

/** The live side of a chat: catch up and resend on every (re)connect, so a dropped line loses nothing. */
export function useChat(options: Options) {
  const [transcript, setTranscript] = useState<Transcript>(emptyTranscript);
  const [connected, setConnected] = useState(false);
  const latest = useRef(transcript);
  const opts = useRef(options);
  opts.current = options;
  const client = useRef<Client | null>(null);
  const { contactId } = options;
  // Who was last seen typing, for a few seconds: the notice is never stored, so it only fades.
  const [typingAuthor, setTypingAuthor] = useState<string | null>(null);
  const typingFades = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastTypingSent = useRef(0);

  const update = (f: (t: Transcript) => Transcript) => {
    latest.current = f(latest.current);
    setTranscript(latest.current);
  };
  const publish = (c: Client, p: Pending) =>
    c.publish({ destination: `/app/chat.${contactId}.send`, headers: opts.current.headers, body: JSON.stringify(p) });

  useEffect(() => {
    if (!contactId) return;
    let catchingUp = false;
    const catchUp = async () => {
      if (catchingUp) return;
      catchingUp = true;
      try {
        const found = await opts.current.fetchAfter(lastSeq(latest.current));
        update((t) => merge(t, found));
      } finally {
        catchingUp = false;
      }
    };
    const c = openStomp({
      connectHeaders: opts.current.connectHeaders,
      onStatus: setConnected,
      onConnect: (stomp) => {
        // Subscribe before fetching, so nothing falls between the fetch and the first live message.
        stomp.subscribe(
          `/topic/chat.${contactId}`,
          (frame) => {
            if (isAccessEnded(frame)) {
              void stomp.deactivate();
              opts.current.onAccessEnded?.();
              return;
            }
            const event = parse<TopicEvent>(frame);
            if (event?.type === 'typing') {
              setTypingAuthor(event.author);
              clearTimeout(typingFades.current);
              typingFades.current = setTimeout(() => setTypingAuthor(null), 5000);
            } else if (event?.type === 'message') {
              setTypingAuthor(null);
              opts.current.onIdleWarning?.(null);
              update((t) => merge(t, [event.message]));
              if (hasGap(latest.current)) catchUp().catch(() => {});
            } else if (event?.type === 'state') opts.current.onState?.(event);
            else if (event?.type === 'idle-warning') opts.current.onIdleWarning?.(event.closesAt);
            else if (event?.type === 'case') opts.current.onCase?.(event.reference);
          },
          opts.current.headers,
        );
        catchUp()
          .catch(() => {})
          .finally(() => latest.current.pending.forEach((p) => stomp.connected && publish(stomp, p)));
      },
    });
    client.current = c;
    return () => {
      client.current = null;
      clearTimeout(typingFades.current);
      c.deactivate();
    };
  }, [contactId]);

  const send = (text: string) => {
    const p = { clientMessageId: newClientMessageId(), text };
    update((t) => enqueue(t, p));
    // Offline, it waits in the outbox and goes on the next connect.
    if (client.current?.connected) publish(client.current, p);
  };
  /** Tells the other side this side is writing: at most every three seconds. */
  const typing = () => {
    const now = Date.now();
    if (now - lastTypingSent.current < 3000 || !client.current?.connected) return;
    lastTypingSent.current = now;
    client.current.publish({ destination: `/app/chat.${contactId}.typing`, headers: opts.current.headers, body: '{}' });
  };
  return { transcript, connected, send, typing, typingAuthor };
}
