import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { ErrorMessage } from '../../components/fields';
import { fieldErrors, HttpError, type FieldError } from '../../lib/http';
import { usePage } from '../../lib/page';
import { useAccessReason } from '../accessReason';
import { CaseDetailView } from '../cases/CaseView';
import { ReasonForm } from '../ReasonForm';
import { AccessTable } from './AccessTable';
import { getAccess, getCaseAsOf, getCaseHistory, type AccessEntry, type CaseAsOf, type CaseHistory } from './auditApi';
import { exportLink, formatAuditTime, localToIso } from './auditLogic';
import { EventTable } from './EventTable';
import { AuditPageTop } from './AuditParts';

/** A case's whole history, downloads, the case as it was at any time, and who has looked at it. */
export function CaseAuditPage() {
  const { reference = '' } = useParams();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [given, setGiven] = useState(false);
  const [history, setHistory] = useState<CaseHistory | null>(null);
  const [loadError, setLoadError] = useState('');
  const [views, setViews] = useState<AccessEntry[] | null>(null);
  const [viewsError, setViewsError] = useState(false);
  const access = useAccessReason(reference);
  const h1 = usePage(`Audit trail for case ${reference}`, errors.length > 0);

  useEffect(() => {
    setGiven(false);
    setHistory(null);
    setLoadError('');
    setViews(null);
    setViewsError(false);
  }, [reference]);

  const open = async (reason: string) => {
    access.setReason(reason);
    setGiven(true);
    setLoadError('');
    try {
      const found = await access.guarded((headers) => getCaseHistory(reference, headers));
      if (!found) return;
      setHistory(found);
      const seen = await access.guarded((headers) => getAccess({ reference }, headers)).catch(() => null);
      if (seen) setViews(seen);
      else setViewsError(true);
    } catch (e) {
      setLoadError(e instanceof HttpError && e.status === 404 ? 'There is no case with that reference.' : 'The audit trail could not be loaded.');
    }
  };

  const asking = !given || !!access.prompt;
  return (
    <>
      <AuditPageTop h1={h1} errors={errors}>
        Audit trail for case {reference}
      </AuditPageTop>
      {asking && (
        <ReasonForm
          prefix="audit"
          question="Why are you opening this case's audit trail?"
          errors={errors}
          setErrors={setErrors}
          prompt={access.prompt}
          onReason={open}
        />
      )}
      {!asking && loadError && <p className="govuk-error-message">{loadError}</p>}
      {!asking && !loadError && !history && <p className="govuk-body">Loading…</p>}
      {!asking && history && (
        <>
          <section aria-labelledby="history-heading">
            <h2 className="govuk-heading-m" id="history-heading">
              Case history
            </h2>
            {history.entries.length === 0 ? (
              <p className="govuk-body">There are no events on this case.</p>
            ) : (
              <EventTable
                entries={history.entries}
                caption={`${history.entries.length} events on case ${reference}, oldest first`}
                testId="case-history"
              />
            )}
          </section>
          <section aria-labelledby="download-heading" className="govuk-!-margin-bottom-8">
            <h2 className="govuk-heading-m" id="download-heading">
              Download
            </h2>
            <p className="govuk-body">
              The whole history of the case, with every event's payload and metadata. Downloading is recorded with your reason.
            </p>
            <ul className="govuk-list">
              <li>
                <a className="govuk-link" href={exportLink(reference, 'json', access.reason())} download={`${reference}-history.json`}>
                  Download as JSON
                </a>
              </li>
              <li>
                <a className="govuk-link" href={exportLink(reference, 'csv', access.reason())} download={`${reference}-history.csv`}>
                  Download as CSV
                </a>
              </li>
            </ul>
          </section>
          <AsOf reference={reference} guarded={access.guarded} errors={errors} setErrors={setErrors} />
          <section aria-labelledby="views-heading">
            <h2 className="govuk-heading-m" id="views-heading">
              Who viewed this case
            </h2>
            {viewsError && <p className="govuk-error-message">The access log could not be loaded.</p>}
            {views && views.length === 0 && <p className="govuk-body">No one has opened this case.</p>}
            {views && views.length > 0 && (
              <AccessTable rows={views} caption={`Openings of case ${reference}, with the reason given`} testId="case-views" />
            )}
          </section>
        </>
      )}
    </>
  );
}

interface AsOfProps {
  reference: string;
  guarded: ReturnType<typeof useAccessReason>['guarded'];
  errors: FieldError[];
  setErrors: (e: FieldError[]) => void;
}

/** The handler's view of the case rebuilt as it stood at a chosen time, with no way to act on it. */
function AsOf({ reference, guarded, errors, setErrors }: AsOfProps) {
  const [at, setAt] = useState('');
  const [view, setView] = useState<CaseAsOf | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (view) heading.current?.focus();
  }, [view]);
  const error = errors.find((e) => e.field === 'as-of')?.message;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const iso = localToIso(at);
    if (!iso) return setErrors([{ field: 'as-of', message: at.trim() ? 'Enter a real date and time' : 'Enter a date and time' }]);
    setErrors([]);
    setBusy(true);
    try {
      const found = await guarded((headers) => getCaseAsOf(reference, iso, headers));
      if (found) setView({ ...found, asOf: found.asOf ?? iso });
    } catch (e) {
      const notYet = e instanceof HttpError && e.status === 404;
      setErrors(
        notYet ? [{ field: 'as-of', message: 'The case did not exist yet at that time' }] : fieldErrors(e).map((x) => ({ ...x, field: 'as-of' })),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <section aria-labelledby="as-of-heading" className="govuk-!-margin-bottom-8">
        <h2 className="govuk-heading-m" id="as-of-heading">
          The case at an earlier time
        </h2>
        <form noValidate onSubmit={submit}>
          <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label govuk-label--s" htmlFor="as-of">
              View the case as it was at
            </label>
            <div id="as-of-hint" className="govuk-hint">
              Date and time, in this computer's time zone
            </div>
            <ErrorMessage id="as-of-error" message={error} />
            <input
              className={`govuk-input govuk-input--width-20${error ? ' govuk-input--error' : ''}`}
              id="as-of"
              name="as-of"
              type="datetime-local"
              step={1}
              value={at}
              aria-describedby={`as-of-hint${error ? ' as-of-error' : ''}`}
              onChange={(e) => setAt(e.target.value)}
            />
          </div>
          <button type="submit" className="govuk-button govuk-button--secondary" disabled={busy} aria-disabled={busy}>
            View the case at this time
          </button>
        </form>
      </section>
      {view && (
        <section aria-labelledby="as-it-was-heading" className="govuk-!-margin-bottom-8 app-as-of" data-testid="as-of-view">
          <h2 className="govuk-heading-m" id="as-it-was-heading" ref={heading} tabIndex={-1}>
            As it was at {formatAuditTime(view.asOf)}
          </h2>
          <p className="govuk-body">
            <strong className="govuk-tag govuk-tag--grey">Read only</strong> The handler's view of the case, rebuilt from its events up to this time.
          </p>
          <CaseDetailView c={view} readOnly level={3} idPrefix="as-of-" now={Date.parse(view.asOf)} />
        </section>
      )}
    </>
  );
}
