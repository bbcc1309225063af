import { Textarea, TextInput } from '../../components/fields';
import { REASON_MAX } from '../accessReason';

const PERSON_HINT = 'A case reference such as BL-2026-000123, or a contact ID';
export const PERSON_MISSING = 'Enter a case reference or contact ID';

interface Props {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

/** Whose data: the field the subject access and erasure forms both start with. */
export function PersonField({ id, value, onChange, error }: Props) {
  return (
    <TextInput
      id={id}
      label="Case reference or contact ID"
      hint={PERSON_HINT}
      width="govuk-input--width-30"
      spellCheck={false}
      autoComplete="off"
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}

/** Why: kept with the officer's name, so each form's hint says what belongs here and what never does. */
export function ReasonField({ label, hint, ...p }: Props & { label: string; hint: string }) {
  return <Textarea {...p} label={label} hint={hint} maxLength={REASON_MAX} rows={2} small />;
}
