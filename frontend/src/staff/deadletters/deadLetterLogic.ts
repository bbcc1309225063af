import type { DeadLetter } from './deadLettersApi';

/** Read models by their processing group, in the words staff use for them. */
const READ_MODELS: Record<string, string> = {
  'case-view': 'Case view',
  'case-tracking': 'Citizen tracking page',
  'contact-view': 'Contact workspace',
  queue: 'Queues',
  chat: 'Live chats',
  'citizen-updates': 'Updates to citizens',
  'access-log': 'Access log',
  'handler-availability': 'Handler availability',
};

export const readModelName = (group: string) => READ_MODELS[group] ?? group;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const waitingText = (n: number) => (n === 0 ? 'None' : plural(n, 'event', 'events'));

/** The warning's sentence: how many events, in which read models. */
export function warningText(count: number, readModels: string[]): string {
  const where = readModels.map(readModelName).join(', ');
  return `${plural(count, 'event is', 'events are')} waiting in dead letters${where ? ` (${where})` : ''}: those read models do not show them yet.`;
}

/** What happens to the update of a citizen if a citizen-updates letter is retried. */
export const retrySends = (letter: DeadLetter) => letter.readModel === 'citizen-updates';

export const causeText = (letter: DeadLetter) =>
  letter.cause ?? 'Parked behind an earlier event that is no longer there (evicted, or retried meanwhile): retry it';
