import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextInput } from '../../components/fields';
import { formatDateTime, type FieldError } from '../../lib/http';
import { usePage } from '../../lib/page';
import { useAccessReason } from '../accessReason';
import { ReasonForm } from '../ReasonForm';
import { isCaseworker } from '../roles';
import { useMe } from '../StaffPages';
import { STATUSES, updateOverdue } from './caseLogic';
import { getDueCases, searchCases, type CaseRow } from './casesApi';

export const OverdueTag = () => <strong className="govuk-tag govuk-tag--red">Overdue</strong>;
export const caseLink = (ref: string) => `/staff/cases/${encodeURIComponent(ref)}`;

export function CasesPage() {
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const [rows, setRows] = useState<CaseRow[] | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const h1 = usePage('Cases', errors.length > 0);
  const me = useMe();
  // Auditors and admins do no case work: a search, like opening a case, needs their reason (428).
  const access = useAccessReason('case-search');
  const search = () =>
    access
      .guarded((headers) => searchCases(q.trim(), status, headers))
      .then(
        (r) => (setErrors([]), r && setRows(r)),
        () => setErrors([{ field: '', message: 'Sorry, the search did not work. Try again.' }]),
      );
  // The search stays in memory, not the URL: it may hold a name, phone number or email.
  const submit = (event: FormEvent) => {
    event.preventDefault();
    search();
  };
  return (
    <>
      <Link to="/staff/queue" className="govuk-back-link">
        Back to queues
      </Link>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Cases
      </h1>
      <form noValidate onSubmit={submit} role="search" aria-label="Cases">
        <TextInput
          id="q"
          label="Reference, name, phone, email or postcode"
          spellCheck={false}
          autoComplete="off"
          width="govuk-input--width-30"
          value={q}
          onChange={setQ}
        />
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="status">
            Status
          </label>
          <select className="govuk-select" id="status" name="status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">Any status</option>
            {STATUSES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="govuk-button">
          Search
        </button>
      </form>
      {access.prompt && (
        <ReasonForm
          prefix="access"
          question="Why are you searching these records?"
          errors={errors}
          setErrors={setErrors}
          prompt={access.prompt}
          onReason={(reason) => (access.setReason(reason), search())}
        />
      )}
      {rows && !access.prompt && (
        <>
          <div role="status">
            <h2 className="govuk-heading-m">{rows.length === 1 ? '1 case found' : `${rows.length} cases found`}</h2>
          </div>
          {rows.length > 0 && <CaseTable rows={rows} caption="Search results" />}
        </>
      )}
      {me && isCaseworker(me.roles) && <DueCases />}
    </>
  );
}

function CaseTable({ rows, caption }: { rows: CaseRow[]; caption: string }) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-visually-hidden">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {['Reference', 'Name', 'Category', 'Status', 'Assigned to', 'Next update due'].map((h) => (
            <th key={h} scope="col" className="govuk-table__header">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((r) => (
          <tr key={r.reference} className="govuk-table__row">
            <td className="govuk-table__cell app-nowrap">
              <Link className="govuk-link" to={caseLink(r.reference)}>
                {r.reference}
              </Link>
            </td>
            <td className="govuk-table__cell">{r.name || 'Not given'}</td>
            <td className="govuk-table__cell">{r.categoryLabel}</td>
            <td className="govuk-table__cell">
              <strong className="govuk-tag govuk-tag--blue">{r.statusLabel}</strong>
            </td>
            <td className="govuk-table__cell">{[r.assignedTo, r.team].filter(Boolean).join(', ') || 'Not assigned'}</td>
            <td className="govuk-table__cell">
              {r.nextUpdateDue ? formatDateTime(r.nextUpdateDue) : 'Key decisions only'} {updateOverdue(r) && <OverdueTag />}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Victims' Code Right 6 deadlines: shown on the cases page and on the console. */
export function DueCases() {
  const [rows, setRows] = useState<CaseRow[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    getDueCases().then(setRows, () => setFailed(true));
  }, []);
  return (
    <section aria-labelledby="due-heading" className="govuk-!-margin-top-6">
      <h2 className="govuk-heading-m" id="due-heading">
        Updates due or overdue
      </h2>
      {failed && <p className="govuk-body">The cases due an update could not be loaded.</p>}
      {!failed && !rows && <p className="govuk-body">Finding cases due an update…</p>}
      {rows && rows.length === 0 && <p className="govuk-body">No updates are due in the next 24 hours.</p>}
      {rows && rows.length > 0 && <CaseTable rows={rows} caption="Updates due or overdue, most overdue first" />}
    </section>
  );
}
