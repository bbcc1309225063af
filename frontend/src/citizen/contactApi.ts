import { sendJson } from '../lib/http';
import type { ChatMessage } from '../lib/chatTranscript';
import type { ChatState } from '../lib/useChat';

export interface StartedChat {
  contactId: string;
  chatToken: string;
  position: number;
}

const url = (id: string, rest = '') => `/api/v1/chats/${encodeURIComponent(id)}${rest}`;
const token = (chat: StartedChat) => ({ 'X-Chat-Token': chat.chatToken });

export const startChat = (name: string, topic: string) =>
  sendJson<StartedChat>('POST', '/api/v1/chats', { name: name.trim() || undefined, topic: topic.trim(), anyoneInDanger: false });

export const getChat = (chat: StartedChat, after: number) =>
  sendJson<ChatState & { messages: ChatMessage[] }>('GET', url(chat.contactId, `?after=${after}`), undefined, token(chat));

export const endChat = (chat: StartedChat) => sendJson<void>('POST', url(chat.contactId, '/end'), undefined, token(chat));

export interface CallbackRequest {
  name?: string;
  phone: string;
  topic: string;
  windowStart: string;
  windowEnd: string;
}

export const requestCallback = (r: CallbackRequest) =>
  sendJson<{ contactId: string; windowStart: string; windowEnd: string }>('POST', '/api/v1/callbacks', { ...r, anyoneInDanger: false });
