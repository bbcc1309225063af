import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Composer } from '../../components/ChatPanel';
import { useMe } from '../StaffPages';
import { getCannedResponses, type CannedResponse } from './api';
import { fillPlaceholders, handlerNameForCitizens, type PlaceholderValues } from './placeholders';

interface Props {
  composer: Composer;
  /** What the workspace knows of the contact; the handler's own name comes from their sign-in. */
  values: Omit<PlaceholderValues, 'handlerName'>;
}

/**
 * Alt and / (the slash key, whatever the layout prints on it) moves focus here from anywhere on
 * the page: no screen reader uses it (they take Insert, Caps Lock or Control and Option). Enter
 * puts the chosen response, filled in, into the message box and goes back there to check it;
 * Escape goes back with nothing added. Nothing is sent until the handler sends it.
 */
const isShortcut = (e: { altKey: boolean; ctrlKey: boolean; metaKey: boolean; code: string; key: string }) =>
  e.altKey && !e.ctrlKey && !e.metaKey && (e.code === 'Slash' || e.key === '/');

export function CannedResponsePicker({ composer, values }: Props) {
  const me = useMe();
  const [responses, setResponses] = useState<CannedResponse[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState('');
  const [warning, setWarning] = useState('');
  const select = useRef<HTMLSelectElement>(null);
  // Read again whenever the handler comes to the list, so a response a supervisor has just added is there.
  const load = () =>
    getCannedResponses().then(
      (r) => (setResponses(r), setFailed(false)),
      () => setFailed(true),
    );
  useEffect(() => {
    load();
    const jump = (e: globalThis.KeyboardEvent) => {
      if (!isShortcut(e)) return;
      e.preventDefault();
      select.current?.focus();
    };
    document.addEventListener('keydown', jump);
    return () => document.removeEventListener('keydown', jump);
  }, []);

  const insert = () => {
    const response = responses?.find((r) => r.id === chosen);
    if (!response) return setError(responses?.length ? 'Choose a canned response' : 'There are no canned responses yet. A supervisor can add them');
    const filled = fillPlaceholders(response.text, { ...values, handlerName: me ? handlerNameForCitizens(me) : '' });
    setError('');
    setWarning(
      filled.unfilled.length
        ? `Replace ${filled.unfilled.join(' and ')} in your message before you send it: this contact has no value for it yet.`
        : '',
    );
    setChosen('');
    composer.insert(filled.text);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLSelectElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      insert();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setError('');
      composer.focus();
    }
  };

  if (failed && !responses) return <p className="govuk-body-s">The canned responses could not be loaded. Reload the page to try again.</p>;
  if (!responses) return null;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`} data-testid="canned-picker">
      <label className="govuk-label govuk-label--s" htmlFor="canned-response">
        Canned response
      </label>
      <div id="canned-response-hint" className="govuk-hint">
        Alt and / (slash) comes here. Enter puts the response in your message to check before sending; Escape goes back.
      </div>
      {error && (
        <p id="canned-response-error" className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
      <select
        className={`govuk-select${error ? ' govuk-select--error' : ''}`}
        id="canned-response"
        ref={select}
        value={chosen}
        aria-describedby={error ? 'canned-response-hint canned-response-error' : 'canned-response-hint'}
        onChange={(e) => setChosen(e.target.value)}
        onKeyDown={onKeyDown}
        onFocus={() => void load()}
      >
        <option value="">Choose a response</option>
        {responses.map((r) => (
          <option key={r.id} value={r.id}>
            {r.title}
          </option>
        ))}
      </select>{' '}
      <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={insert}>
        Add to message
      </button>
      <div role="status">{warning && <p className="govuk-inset-text govuk-!-margin-top-2 govuk-!-margin-bottom-0">{warning}</p>}</div>
    </div>
  );
}
