/**
 * Canned responses hold placeholders that are filled in here, in the handler's browser, from
 * the contact the workspace shows: the server keeps only the force's wording (contact/canned).
 */

export interface PlaceholderValues {
  /** The name the citizen gave, if any. */
  citizenName?: string | null;
  handlerName: string;
  /** The contact's case reference, once it has one. */
  reference?: string | null;
}

/** The supervisor's list of what each placeholder becomes; the server refuses any other. */
export const PLACEHOLDERS = [
  { name: '{citizenName}', means: 'the name the citizen gave. Without one it is left out: "Hello {citizenName}," reads "Hello,"' },
  { name: '{handlerName}', means: 'the name citizens see for the handler' },
  { name: '{reference}', means: "the contact's case reference. Without one the handler is asked to replace it before sending" },
];

/** The name a citizen sees for a handler. For now the username: display names will be given here. */
export const handlerNameForCitizens = (me: { username: string }) => me.username;

const CITIZEN = '{citizenName}';

/**
 * The text with every placeholder that has a value filled in. A missing name is left out so the
 * sentence still reads ("Thank you {citizenName}." → "Thank you."); a missing reference stays as
 * it is and is listed in `unfilled`, since no neutral wording can stand for it.
 */
export function fillPlaceholders(text: string, values: PlaceholderValues): { text: string; unfilled: string[] } {
  const name = values.citizenName?.trim();
  let filled = name
    ? text.split(CITIZEN).join(name)
    : text
        // At the start of a line, its comma goes too and the next word takes the capital.
        .replace(/(^|\n)[ \t]*\{citizenName\},?[ \t]*(\S?)/g, (_, start: string, next: string) => start + next.toUpperCase())
        .replace(/[ \t]*\{citizenName\}/g, '');
  if (values.handlerName) filled = filled.split('{handlerName}').join(values.handlerName);
  const reference = values.reference?.trim();
  if (reference) filled = filled.split('{reference}').join(reference);
  const unfilled = ['{handlerName}', '{reference}'].filter((p) => filled.includes(p));
  return { text: filled, unfilled };
}
