import type { AnswerOf, RequestOf } from '../api/contract';
import { csrfCookie, sendJson } from '../lib/http';

type ChatView = AnswerOf<'/api/v1/chats/{contactId}', 'get', 200>;
/** The reference and tracking code of a case a handler opened from the chat: its citizen's alone. */
export type CaseOpened = NonNullable<ChatView['caseOpened']>;
/** The chat as this tab keeps it: what starting it answered, and the case once one is opened. */
export type StartedChat = AnswerOf<'/api/v1/chats', 'post', 201> & { caseOpened?: CaseOpened };
type ChatStart = RequestOf<'/api/v1/chats', 'post'>;

const url = (id: string, rest = '') => `/api/v1/chats/${encodeURIComponent(id)}${rest}`;
const token = (chat: StartedChat) => ({ 'X-Chat-Token': chat.chatToken });

export const startChat = (name: string, topic: string) =>
  sendJson<StartedChat>('POST', '/api/v1/chats', { name: name.trim() || undefined, topic: topic.trim(), anyoneInDanger: false } satisfies ChatStart);

export const getChat = (chat: StartedChat, after: number) =>
  sendJson<ChatView>('GET', url(chat.contactId, `?after=${after}`), undefined, token(chat));

export const endChat = (chat: StartedChat) => sendJson<void>('POST', url(chat.contactId, '/end'), undefined, token(chat));

/** Ends the chat from a page that is going away this instant: keepalive, so the request outlives it, and nothing awaited. */
export function endChatOnLeaving(chat: StartedChat) {
  void fetch(url(chat.contactId, '/end'), {
    method: 'POST',
    keepalive: true,
    credentials: 'same-origin',
    headers: { ...token(chat), 'X-XSRF-TOKEN': csrfCookie() ?? '' },
  }).catch(() => {});
}

/** The citizen has already said no one is in danger, on the page before. */
export type CallbackRequest = Omit<RequestOf<'/api/v1/callbacks', 'post'>, 'anyoneInDanger'>;

export const requestCallback = (r: CallbackRequest) =>
  sendJson<AnswerOf<'/api/v1/callbacks', 'post', 201>>('POST', '/api/v1/callbacks', {
    ...r,
    anyoneInDanger: false,
  } satisfies RequestOf<'/api/v1/callbacks', 'post'>);

/** Asks for a copy of the chat by email: answered at once, sent a few minutes later. */
export const requestTranscript = (chat: StartedChat, email: string) =>
  sendJson<void>(
    'POST',
    url(chat.contactId, '/transcript'),
    { email } satisfies RequestOf<'/api/v1/chats/{contactId}/transcript', 'post'>,
    token(chat),
  );
