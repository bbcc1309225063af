import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextInput } from '../../components/fields';
import type { FieldError } from '../../lib/http';
import { usePage } from '../../lib/page';

export const auditCaseLink = (reference: string) => `/staff/audit/cases/${encodeURIComponent(reference)}`;

const PAGES: [string, string, string][] = [
  ['/staff/audit/log', 'Event log', 'Every event stored, filtered by time, type, who and how.'],
  ['/staff/audit/access', 'Access log', 'Who opened which case or contact, when and why.'],
  ['/staff/audit/replay', 'Rebuild read models', 'Replay the event log into a read model and compare the result with what was there.'],
  ['/staff/supervisor/victims-code', "Victims' Code ledger", 'Promises to victims met, missed or pending, by month and as at any time.'],
  ['/staff/audit/integrity', 'Event log integrity', 'Check the hash chain: no event altered, removed or slipped in.'],
];

export function AuditHomePage() {
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const h1 = usePage('Audit', errors.length > 0);
  const navigate = useNavigate();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ref = reference.trim();
    if (!ref) return setErrors([{ field: 'audit-reference', message: 'Enter a case reference' }]);
    navigate(auditCaseLink(ref));
  };
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Audit
      </h1>
      <form noValidate onSubmit={submit} role="search" aria-label="Case audit trail">
        <TextInput
          id="audit-reference"
          label="Case reference"
          hint="For example, BL-2026-000123"
          spellCheck={false}
          autoComplete="off"
          width="govuk-input--width-20"
          value={reference}
          onChange={setReference}
          error={errors[0]?.message}
        />
        <button type="submit" className="govuk-button">
          Open audit trail
        </button>
      </form>
      <h2 className="govuk-heading-m">Other audit pages</h2>
      <ul className="govuk-list">
        {PAGES.map(([to, label, about]) => (
          <li key={to}>
            <Link className="govuk-link" to={to}>
              {label}
            </Link>
            <p className="govuk-body-s govuk-!-margin-bottom-2">{about}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
