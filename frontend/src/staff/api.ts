import type { AnswerOf, Schema } from '../api/contract';
import labels from '../api/labels.json';
import limits from '../api/limits.json';
import { HttpError, request, xsrfToken } from '../lib/http';
import type { ChatMessage } from '../lib/chatTranscript';

export { xsrfToken };

export type Me = Schema<'Me'>;

export type Channel = Schema<'Queue'>['channel'];
/** Each contact channel's queue, in the server's words (app/web/EnumLabels, via the contract). */
export const CHANNEL_NAMES = Object.fromEntries(labels.Channel.map(({ value, label }) => [value, label])) as Record<Channel, string>;
/** The server's words for each grade (app/web/EnumLabels, via the contract), most urgent first. */
export const GRADES = labels.Grade;
/** One contact, named by how it came in: "Live chat", not the queue's "Live chat" or the raw CHAT. */
export const CONTACT_KINDS: Record<string, string> = { WEB: 'Online report', CHAT: 'Live chat', PHONE: 'Phone call', CALLBACK: 'Call-back' };

export type QueueItem = Schema<'QueueItem'>;
export type Queue = Schema<'Queue'>;

export interface Triage {
  threat: string;
  harm: string;
  risk: string;
  investigation: string;
  vulnerability: string;
  engagement: string;
  grade: string;
  rationale: string;
}
/** The THRIVE parts in the server's words and order (platform.triage.TriageWording, via the contract). */
export const THRIVE_PARTS = labels.ThrivePart as { value: keyof Triage; label: string }[];
/** The server's limit on each part of a triage (TriageRequest in the contract). */
export const TRIAGE_MAX = limits.TriageRequest;

/** A contact of any channel: the web report fields, plus what chat, phone and call-back add. */
/** A contact as the handler's workspace shows it; the parts a channel lacks are absent. */
export type Contact = AnswerOf<'/api/v1/staff/contacts/{contactId}', 'get', 200>;

export type Availability = Schema<'HandlerStatus'>;

export interface ScreenPop {
  contactId: string;
  callId: string;
  from?: string;
  withheld: boolean;
  previousContacts: { contactId: string; channel: string; at: string; summary?: string; reference?: string }[];
  cases: { reference: string; status: string; category: string }[];
}

export type ChannelStats = Schema<'ChannelStats'>;
export type Stats = Schema<'Stats'>;

const contact = (id: string, rest = '') => `/api/v1/staff/contacts/${encodeURIComponent(id)}${rest}`;

export const getMe = () => request<Me>('/api/v1/staff/me');
/** How staff sign in here: the demo's password form, and where the force account sign-in starts (if configured). */
export type SignInOptions = Schema<'SignInOptions'>;
export const getSignInOptions = () => request<SignInOptions>('/api/v1/staff/sign-in-options');
export const getQueues = () => request<Queue[]>('/api/v1/staff/queues');
export const getMyContacts = () => request<QueueItem[]>('/api/v1/staff/my-contacts');
/** `headers` carries X-Access-Reason once the person has said why they are opening the contact. */
export const getContact = (id: string, headers: Record<string, string> = {}) => request<Contact>(contact(id), { headers });
export type ContactHistory = Schema<'ContactHistoryView'>;
/** The same person's other contacts and cases: logged like opening the contact, with its reason. */
export const getContactHistory = (id: string, headers: Record<string, string> = {}) => request<ContactHistory>(contact(id, '/history'), { headers });
/** A transcript read is logged like the contact: it carries the reason given for the contact, if any. */
export const getChatMessages = (id: string, after: number, headers: Record<string, string> = {}) =>
  request<ChatMessage[]>(contact(id, `/chat?after=${after}`), { headers });
export const getAvailability = () => request<Availability[]>('/api/v1/staff/availability');
export const getStats = () => request<Stats>('/api/v1/staff/supervisor/stats');

/** A state-changing call: form fields for sign-in, JSON for everything else. */
export async function send<T>(method: string, url: string, body?: URLSearchParams | object): Promise<T> {
  const type = body instanceof URLSearchParams ? 'application/x-www-form-urlencoded' : 'application/json';
  const attempt = async (refresh: boolean) =>
    request<T>(url, {
      method,
      headers: { 'X-XSRF-TOKEN': await xsrfToken(refresh), ...(body ? { 'Content-Type': type } : {}) },
      body: body instanceof URLSearchParams ? body : body && JSON.stringify(body),
    });
  try {
    return await attempt(false);
  } catch (e) {
    // A stale token (rotated at sign-in) gives 403: fetch a fresh one and try once more.
    if (e instanceof HttpError && e.status === 403) return attempt(true);
    throw e;
  }
}

export const signIn = (username: string, password: string) => send<Me>('POST', '/api/v1/staff/login', new URLSearchParams({ username, password }));
export const signOut = () => send<void>('POST', '/api/v1/staff/logout');
export const setAvailability = (status: string) => send<void>('PUT', '/api/v1/staff/availability', { status });
export const take = (id: string) => send<QueueItem>('POST', contact(id, '/take'));
export const takeNext = (channel: Channel) => send<QueueItem>('POST', `/api/v1/staff/queues/${channel}/next`);
export const transfer = (id: string, t: Schema<'TransferRequest'>) => send<void>('POST', contact(id, '/transfer'), t);
export const close = (id: string, outcome: string) => send<void>('POST', contact(id, '/close'), { outcome });
export const triage = (id: string, t: Triage) => send<{ grade: string; instruction?: string }>('POST', contact(id, '/triage'), t);
/** The case a summary went to: joined (the contact's own, or one named), or opened (with a code for a caller). */
export type SummaryResult = AnswerOf<'/api/v1/staff/contacts/{contactId}/summary', 'post', 200>;
export const summarise = (id: string, s: { category: string; summary: string; caseReference?: string }) =>
  send<SummaryResult>('POST', contact(id, '/summary'), s);
/** Recent cases of anyone who gave the same phone number, email address or postcode. */
export type PossibleCase = Schema<'PossibleCase'>;
export const getPossibleCases = (id: string) => request<PossibleCase[]>(contact(id, '/possible-cases'));
export const recordAttempt = (id: string, a: { outcome: string; retryAt?: string; note: string }) =>
  send<void>('POST', contact(id, '/callback-attempts'), a);
// Not in api.md yet: the handler's side of "End chat" (the Contact aggregate's EndChat by HANDLER).
export const endChat = (id: string) => send<void>('POST', contact(id, '/chat/end'));
