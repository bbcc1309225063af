import { useEffect, useRef, useState } from 'react';
import { SummaryList, WarningText } from '../../components/SummaryList';
import { Radios } from '../../components/fields';
import type { FieldError } from '../../lib/http';
import { REASON_MAX } from '../accessReason';
import { Section, Submit, useForm } from '../WorkspaceForms';
import { erase, type Erasure, type LegalBasis } from './dataProtectionApi';
import { basisLabel, LEGAL_BASES, personOf, personText, serverProblems } from './dataProtectionLogic';
import { PERSON_MISSING, PersonField, ReasonField } from './SubjectFields';

interface Props {
  errors: FieldError[];
  setErrors: (e: FieldError[]) => void;
  onErased: (erasure: Erasure, who: string) => void;
}

const reasonProblem = (text: string) =>
  !text.trim()
    ? 'Enter the reason for the erasure, such as the decision or ticket number'
    : text.length > REASON_MAX
      ? `Reason must be ${REASON_MAX} characters or fewer`
      : undefined;

/** Asks whose data, under which law and why; then asks again, because the erasure cannot be undone. */
export function EraseForm({ errors, setErrors, onErased }: Props) {
  const f = useForm({ errors, setErrors }, 'erase', { person: '', basis: '', reason: '' });
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const v = f.values;
  const problem = reasonProblem(v.reason);
  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
  }, [confirming]);

  const back = () => {
    setConfirming(false);
    // The fields are drawn again before focus can go back to the first of them.
    setTimeout(() => document.getElementById(f.id('person'))?.focus());
  };

  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    const person = personOf(v.person);
    try {
      const erasure = await erase(person, v.basis as LegalBasis, v.reason.trim());
      setErrors([]);
      f.reset();
      setConfirming(false);
      onErased(erasure, personText(person));
    } catch (e) {
      // Back to the form, so the error summary's links land on fields that are there.
      setConfirming(false);
      setErrors(serverProblems(e, 'erase'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section id="erase-heading" title="Erase a person's data">
      {confirming ? (
        <div data-testid="erase-confirm">
          <h3 className="govuk-heading-s" ref={confirmHeading} tabIndex={-1}>
            Check before you erase {personText(personOf(v.person))}
          </h3>
          <SummaryList
            wrap="pre-wrap"
            rows={[
              ['Person', personText(personOf(v.person))],
              ['Legal basis', basisLabel(v.basis)],
              ['Reason', v.reason.trim()],
            ]}
          />
          <WarningText>
            This cannot be undone. The person's key is destroyed: their name, contact details and what they told us will read "[erased]" everywhere,
            in case histories, the audit trail and exports.
          </WarningText>
          <div className="govuk-button-group">
            <button type="button" className="govuk-button govuk-button--warning" disabled={busy} aria-disabled={busy} onClick={confirm}>
              Erase this person's data
            </button>
            <button type="button" className="govuk-button govuk-button--secondary" onClick={back}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <form
          noValidate
          onSubmit={f.submit(
            [
              [!v.person.trim(), 'person', PERSON_MISSING],
              [!v.basis, 'basis', 'Select the legal basis for the erasure'],
              [!!problem, 'reason', problem ?? ''],
            ],
            async () => setConfirming(true),
          )}
        >
          <PersonField {...f.field('person')} />
          <Radios
            name={f.id('basis')}
            legend="Legal basis"
            legendSize="m"
            options={LEGAL_BASES}
            value={v.basis}
            onChange={f.set('basis')}
            error={f.err('basis')}
          />
          <ReasonField
            {...f.field('reason')}
            label="Reason"
            hint="The decision or ticket number, such as DP-2026-0042. Never put the person's details here: the reason is kept, unencrypted, after the erasure."
          />
          <Submit>Continue</Submit>
        </form>
      )}
    </Section>
  );
}
