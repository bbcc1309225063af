import { useEffect, useState, type FormEvent } from 'react';
import { TextInput } from '../components/fields';
import { fieldErrors, type FieldError } from '../lib/http';
import type { Availability } from './api';
import { displayNameError, getDisplayName, getSkills, NEUTRAL_NAME, setDisplayName, setHandlerSkills, type Skill } from './staffing';

const FIELD = 'display-name';

/** The handler's own name as citizens see it in live chat; their sign-in name is never shown to them. */
export function DisplayNameForm({ onErrors }: { onErrors: (errors: FieldError[]) => void }) {
  const [value, setValue] = useState('');
  const [shown, setShown] = useState('');
  const [error, setError] = useState<string>();
  useEffect(() => {
    getDisplayName().then(
      (d) => {
        setValue((typed) => typed || (d.displayName ?? ''));
        setShown(d.shownToCitizens);
      },
      () => {},
    );
  }, []);
  const fail = (errors: FieldError[]) => {
    const shownErrors = errors.map((e) => ({ ...e, field: e.field === 'displayName' || e.field === '' ? FIELD : e.field }));
    setError(shownErrors[0]?.message);
    onErrors(shownErrors);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const invalid = displayNameError(value);
    if (invalid) return fail([{ field: FIELD, message: invalid }]);
    setDisplayName(value).then(
      (d) => {
        setError(undefined);
        onErrors([]);
        setValue(d.displayName ?? '');
        setShown(d.shownToCitizens);
      },
      (e) => fail(fieldErrors(e)),
    );
  };
  return (
    <form noValidate onSubmit={submit}>
      <TextInput
        id={FIELD}
        label="Name shown to citizens"
        hint={`Citizens see this in live chat, for example "Sam (call handler)". Leave it empty to show "${NEUTRAL_NAME}".`}
        value={value}
        onChange={setValue}
        error={error}
        width="govuk-input--width-20"
        autoComplete="off"
        spellCheck={false}
      />
      <button type="submit" className="govuk-button govuk-button--secondary">
        Save name
      </button>
      <p className="govuk-body" role="status" data-testid="display-name-status">
        {shown && `Citizens see you as ${shown}.`}
      </p>
    </form>
  );
}

/** Tags for a handler's skills on the presence board. */
export function SkillTags({ skills }: { skills: Availability['skills'] }) {
  if (!skills.length) return <span className="govuk-body-s">None</span>;
  return (
    <ul className="govuk-list app-inline">
      {skills.map((s) => (
        <li key={s.code} className="app-inline">
          <strong className="govuk-tag govuk-tag--blue">{s.label}</strong>{' '}
        </li>
      ))}
    </ul>
  );
}

/** The configured skills, once per page. */
export function useSkills() {
  const [skills, setSkills] = useState<Skill[]>([]);
  useEffect(() => {
    getSkills().then(setSkills, () => {});
  }, []);
  return skills;
}

/** A supervisor changes one handler's skills; the board shows the new ones at once. */
export function SkillsEditor({ handler, all, onSaved }: { handler: Availability; all: Skill[]; onSaved: (skills: Skill[]) => void }) {
  const [chosen, setChosen] = useState<string[]>(() => handler.skills.map((s) => s.code));
  const [error, setError] = useState<string>();
  const [open, setOpen] = useState(false);
  const id = `skills-${handler.handler.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const toggle = (code: string) => setChosen((c) => (c.includes(code) ? c.filter((x) => x !== code) : [...c, code]));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setHandlerSkills(handler.handler, chosen).then(
      () => {
        setError(undefined);
        setOpen(false);
        onSaved(all.filter((s) => chosen.includes(s.code)));
      },
      (e) => setError(fieldErrors(e)[0]?.message),
    );
  };
  if (!all.length) return null;
  return (
    <details className="govuk-details govuk-!-margin-bottom-0" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">
          Change skills<span className="govuk-visually-hidden"> of {handler.handler}</span>
        </span>
      </summary>
      <div className="govuk-details__text">
        <form noValidate onSubmit={submit}>
          <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
            <fieldset className="govuk-fieldset" aria-describedby={error ? `${id}-error` : undefined}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Skills of {handler.handler}</legend>
              {error && (
                <p id={`${id}-error`} className="govuk-error-message">
                  <span className="govuk-visually-hidden">Error:</span> {error}
                </p>
              )}
              <div className="govuk-checkboxes govuk-checkboxes--small">
                {all.map((s, i) => (
                  <div className="govuk-checkboxes__item" key={s.code}>
                    <input
                      className="govuk-checkboxes__input"
                      id={i === 0 ? id : `${id}-${i + 1}`}
                      type="checkbox"
                      value={s.code}
                      checked={chosen.includes(s.code)}
                      onChange={() => toggle(s.code)}
                    />
                    <label className="govuk-label govuk-checkboxes__label" htmlFor={i === 0 ? id : `${id}-${i + 1}`}>
                      {s.label}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
          <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
            Save skills<span className="govuk-visually-hidden"> of {handler.handler}</span>
          </button>
        </form>
      </div>
    </details>
  );
}
