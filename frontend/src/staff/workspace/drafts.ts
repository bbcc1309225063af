/**
 * What a handler has typed but not sent, per contact, so switching between concurrent chats
 * keeps each one. Held in this tab's memory only: a reload or signing out drops them, which
 * loses typing, never anything acknowledged.
 */
const drafts = new Map<string, unknown>();

export function draft<T>(key: string | undefined, initial: T): T {
  return key !== undefined && drafts.has(key) ? (drafts.get(key) as T) : initial;
}

export function keepDraft(key: string | undefined, value: unknown) {
  if (key !== undefined) drafts.set(key, value);
}

export function dropDraft(key: string | undefined) {
  if (key !== undefined) drafts.delete(key);
}

/** Signing out: the next person at this browser sees nothing the last one typed. */
export const dropAllDrafts = () => drafts.clear();
