import { useEffect, type RefObject } from 'react';

/**
 * Alt+Shift with a letter or digit: free in Chromium, Firefox, NVDA, JAWS and VoiceOver, whose
 * own keys use Insert, Caps Lock or Control+Option. Matched on the key's position (event.code),
 * since Shift changes the character a digit types.
 */
export const SHORTCUTS: [string, string][] = [
  ['Alt+Shift+1 to 9', 'Open your first to ninth contact'],
  ['Alt+Shift+N', 'Open the next contact with new messages'],
  ['Alt+Shift+M', 'Go to the message box'],
  ['Alt+Shift+C', 'Go to the tabs about this contact'],
  ['Alt+/', 'Choose a canned response (in a chat)'],
];

/** Runs the workspace's shortcuts; `open` is handed a contact ID from the side list. */
export function useWorkspaceShortcuts(workspace: RefObject<HTMLElement | null>, open: (contactId: string) => void) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey || !workspace.current) return;
      const root = workspace.current;
      const contacts = [...root.querySelectorAll<HTMLAnchorElement>('[data-testid=contact-switcher] a[data-contact-id]')];
      let target: HTMLElement | null | undefined;
      const digit = /^Digit([1-9])$/.exec(event.code);
      if (digit) {
        const link = contacts[Number(digit[1]) - 1];
        if (link) open(link.dataset.contactId ?? '');
        target = link;
      } else if (event.code === 'KeyN') {
        const current = contacts.findIndex((a) => a.getAttribute('aria-current') === 'page');
        const next = [...contacts.slice(current + 1), ...contacts.slice(0, current + 1)].find((a) => a.querySelector('[data-testid=unread]'));
        if (next) open(next.dataset.contactId ?? '');
        target = next;
      } else if (event.code === 'KeyM') {
        target = root.querySelector<HTMLElement>('#message');
        target?.focus();
      } else if (event.code === 'KeyC') {
        target = root.querySelector<HTMLElement>('[data-testid=context-tabs] [role=tab][aria-selected=true]');
        target?.focus();
      }
      if (target) event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [workspace, open]);
}

/** The shortcuts, written down where a handler looks for them (GOV.UK details). */
export function KeyboardShortcuts() {
  return (
    <details className="govuk-details" data-testid="keyboard-shortcuts">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Keyboard shortcuts</span>
      </summary>
      <div className="govuk-details__text">
        <dl className="govuk-summary-list govuk-summary-list--no-border">
          {SHORTCUTS.map(([keys, what]) => (
            <div className="govuk-summary-list__row" key={keys}>
              <dt className="govuk-summary-list__key">{keys}</dt>
              <dd className="govuk-summary-list__value">{what}</dd>
            </div>
          ))}
        </dl>
      </div>
    </details>
  );
}
