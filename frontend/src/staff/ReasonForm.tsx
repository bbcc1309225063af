import { useEffect } from 'react';
import { Textarea } from '../components/fields';
import type { FieldError } from '../lib/http';
import { REASON_MAX, reasonError, type ReasonPrompt } from './accessReason';
import { Submit, useForm } from './WorkspaceForms';

interface Props {
  /** Field ids start with this, e.g. `access` gives `access-reason`. */
  prefix: string;
  question: string;
  errors: FieldError[];
  setErrors: (e: FieldError[]) => void;
  onReason: (reason: string) => Promise<unknown> | void;
  prompt?: ReasonPrompt | null;
}

/** Asks why someone is opening a record; the page sends the answer in X-Access-Reason. */
export function ReasonForm({ prefix, question, errors, setErrors, onReason, prompt }: Props) {
  const f = useForm({ errors, setErrors }, prefix, { reason: '' });
  // A reason sent and still refused: say why, where the reason is typed.
  useEffect(() => {
    if (prompt?.refused) setErrors([{ field: f.id('reason'), message: prompt.detail ?? 'Enter a reason' }]);
  }, [prompt]);
  const text = f.values.reason;
  const problem = reasonError(text);
  return (
    <form
      noValidate
      onSubmit={f.submit([[!!problem, 'reason', problem ?? '']], async () => void (await onReason(text.trim())))}
      data-testid={`${prefix}-reason-form`}
    >
      {prompt?.detail && !prompt.refused && <p className="govuk-inset-text">{prompt.detail}</p>}
      <Textarea
        id={f.id('reason')}
        label={question}
        hint="Your reason is recorded with your name and the time. Auditors can read it."
        maxLength={REASON_MAX}
        rows={3}
        value={text}
        onChange={f.set('reason')}
        error={f.err('reason')}
      />
      <Submit>Continue</Submit>
    </form>
  );
}
