import type { ReactNode, Ref } from 'react';
import { useT } from '../i18n';

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

export function ErrorMessage({ id, message }: { id: string; message?: string }) {
  const t = useT();
  if (!message) return null;
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">{t('common.error')}</span> {message}
    </p>
  );
}

function groupClass(error?: string) {
  return `govuk-form-group${error ? ' govuk-form-group--error' : ''}`;
}

interface TextInputProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
  type?: 'text' | 'email' | 'tel' | 'password';
  autoComplete?: string;
  width?: 'govuk-input--width-10' | 'govuk-input--width-20' | 'govuk-input--width-30' | '';
  spellCheck?: boolean;
  labelIsHeading?: boolean;
  h1Ref?: Ref<HTMLHeadingElement>;
}

export function TextInput(p: TextInputProps) {
  const label = (
    <label className={`govuk-label${p.labelIsHeading ? ' govuk-label--l' : ''}`} htmlFor={p.id}>
      {p.label}
    </label>
  );
  return (
    <div className={groupClass(p.error)}>
      {p.labelIsHeading ? (
        <h1 className="govuk-label-wrapper" ref={p.h1Ref} tabIndex={-1}>
          {label}
        </h1>
      ) : (
        label
      )}
      {p.hint && (
        <div id={`${p.id}-hint`} className="govuk-hint">
          {p.hint}
        </div>
      )}
      <ErrorMessage id={`${p.id}-error`} message={p.error} />
      <input
        className={`govuk-input ${p.width ?? ''}${p.error ? ' govuk-input--error' : ''}`}
        id={p.id}
        name={p.id}
        type={p.type ?? 'text'}
        value={p.value}
        autoComplete={p.autoComplete}
        spellCheck={p.spellCheck}
        aria-describedby={describedBy(p.hint && `${p.id}-hint`, p.error && `${p.id}-error`)}
        onChange={(e) => p.onChange(e.target.value)}
      />
    </div>
  );
}

interface TextareaProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  hint?: string;
  error?: string;
  rows?: number;
  /** Staff forms stack many of these: a smaller label keeps the page scannable. */
  small?: boolean;
}

/** Character count done in React: the GOV.UK script would fight React over the DOM. */
export function Textarea(p: TextareaProps) {
  const t = useT();
  const remaining = p.maxLength - p.value.length;
  const over = remaining < 0;
  const countText = over ? t('fields.tooMany', { count: -remaining }) : t('fields.remaining', { count: remaining });
  return (
    <div className={`${groupClass(p.error)} govuk-character-count`}>
      <label className={`govuk-label govuk-label--${p.small ? 's' : 'm'}`} htmlFor={p.id}>
        {p.label}
      </label>
      {p.hint && (
        <div id={`${p.id}-hint`} className="govuk-hint">
          {p.hint}
        </div>
      )}
      <ErrorMessage id={`${p.id}-error`} message={p.error} />
      <textarea
        className={`govuk-textarea govuk-js-character-count${p.error || over ? ' govuk-textarea--error' : ''}`}
        id={p.id}
        name={p.id}
        rows={p.rows ?? 6}
        value={p.value}
        aria-describedby={describedBy(p.hint && `${p.id}-hint`, p.error && `${p.id}-error`, `${p.id}-info`)}
        onChange={(e) => p.onChange(e.target.value)}
      />
      <div id={`${p.id}-info`} className={`govuk-hint govuk-character-count__message${over ? ' govuk-error-message' : ''}`} aria-live="polite">
        {countText}
      </div>
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
  hint?: string;
  conditional?: ReactNode;
}

interface RadiosProps {
  name: string;
  legend: string;
  options: Option[];
  value?: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
  legendIsHeading?: boolean;
  h1Ref?: Ref<HTMLHeadingElement>;
  inline?: boolean;
  legendSize?: 'l' | 'm';
}

export function Radios(p: RadiosProps) {
  const size = p.legendSize ?? (p.legendIsHeading ? 'l' : 'm');
  return (
    <div className={groupClass(p.error)}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(p.hint && `${p.name}-hint`, p.error && `${p.name}-error`)}>
        <legend className={`govuk-fieldset__legend govuk-fieldset__legend--${size}`}>
          {p.legendIsHeading ? (
            <h1 className="govuk-fieldset__heading" ref={p.h1Ref} tabIndex={-1}>
              {p.legend}
            </h1>
          ) : (
            p.legend
          )}
        </legend>
        {p.hint && (
          <div id={`${p.name}-hint`} className="govuk-hint">
            {p.hint}
          </div>
        )}
        <ErrorMessage id={`${p.name}-error`} message={p.error} />
        <div className={`govuk-radios${p.inline ? ' govuk-radios--inline' : ''}`}>
          {p.options.map((o, i) => {
            // GOV.UK convention: the first radio carries the group's id so error links land on it.
            const id = i === 0 ? p.name : `${p.name}-${i + 1}`;
            const checked = p.value === o.value;
            return (
              <div key={o.value}>
                <div className="govuk-radios__item">
                  <input
                    className="govuk-radios__input"
                    id={id}
                    name={p.name}
                    type="radio"
                    value={o.value}
                    checked={checked}
                    aria-describedby={o.hint ? `${id}-item-hint` : undefined}
                    onChange={() => p.onChange(o.value)}
                  />
                  <label className="govuk-label govuk-radios__label" htmlFor={id}>
                    {o.label}
                  </label>
                  {o.hint && (
                    <div id={`${id}-item-hint`} className="govuk-hint govuk-radios__hint">
                      {o.hint}
                    </div>
                  )}
                </div>
                {checked && o.conditional && <div className="govuk-radios__conditional">{o.conditional}</div>}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export interface DateValue {
  day: string;
  month: string;
  year: string;
}

interface DateInputProps {
  id: string;
  legend: string;
  hint: string;
  value: DateValue;
  onChange: (value: DateValue) => void;
  error?: string;
  errorParts?: (keyof DateValue)[];
}

export function DateInput(p: DateInputProps) {
  const t = useT();
  const parts: { key: keyof DateValue; label: string; width: number }[] = [
    { key: 'day', label: t('fields.day'), width: 2 },
    { key: 'month', label: t('fields.month'), width: 2 },
    { key: 'year', label: t('fields.year'), width: 4 },
  ];
  return (
    <div className={groupClass(p.error)}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy(`${p.id}-hint`, p.error && `${p.id}-error`)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{p.legend}</legend>
        <div id={`${p.id}-hint`} className="govuk-hint">
          {p.hint}
        </div>
        <ErrorMessage id={`${p.id}-error`} message={p.error} />
        <div className="govuk-date-input" id={p.id}>
          {parts.map((part) => {
            const partId = `${p.id}-${part.key}`;
            const inError = p.error && (!p.errorParts?.length || p.errorParts.includes(part.key));
            return (
              <div className="govuk-date-input__item" key={part.key}>
                <div className="govuk-form-group">
                  <label className="govuk-label govuk-date-input__label" htmlFor={partId}>
                    {part.label}
                  </label>
                  <input
                    className={`govuk-input govuk-date-input__input govuk-input--width-${part.width}${inError ? ' govuk-input--error' : ''}`}
                    id={partId}
                    name={partId}
                    type="text"
                    inputMode="numeric"
                    value={p.value[part.key]}
                    onChange={(e) => p.onChange({ ...p.value, [part.key]: e.target.value })}
                  />
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function Button({ children, onClick }: { children: string; onClick?: () => void }) {
  return (
    <button type="submit" className="govuk-button" data-module="govuk-button" onClick={onClick}>
      {children}
    </button>
  );
}
