import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary';
import { ErrorMessage, TextInput } from '../../components/fields';
import { fieldErrors, HttpError, type FieldError } from '../../lib/http';
import { usePage } from '../../lib/page';
import { formatAuditTime, localToIso } from '../audit/auditLogic';
import { getCaseLedger, getLedgerMonth, ledgerCsvLink, type CaseLedger, type LedgerMonth } from './api';
import { LedgerChart } from './LedgerChart';
import { monthLabel, monthParam, percentText, STATUS_TAG, thisMonth, type MonthValue } from './ledgerLogic';

interface Shown {
  month: string;
  asAt: string | null;
}

const firstShown = (): Shown => ({ month: monthParam(thisMonth()) as string, asAt: null });
const errorOf = (errors: FieldError[], field: string) => errors.find((e) => e.field === field)?.message;

/**
 * The Victims' Code ledger for supervisors and auditors: each right's obligations that fell due
 * in a month, met, missed or pending as at now or any earlier moment, for the Police and Crime
 * Commissioner; and one case's obligations with their dates.
 */
export function VictimsCodeLedgerPage() {
  const [value, setValue] = useState<MonthValue>(thisMonth());
  const [at, setAt] = useState('');
  const [shown, setShown] = useState<Shown>(firstShown);
  const [totals, setTotals] = useState<LedgerMonth | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const h1 = usePage("Victims' Code ledger", errors.length > 0);
  useEffect(() => {
    let live = true;
    getLedgerMonth(shown.month, shown.asAt).then(
      (t) => live && setTotals(t),
      (e) => live && setErrors(fieldErrors(e)),
    );
    return () => {
      live = false;
    };
  }, [shown]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const month = monthParam(value);
    const found: FieldError[] = typeof month === 'string' ? [] : month;
    const asAt = at.trim() ? localToIso(at) : null;
    if (at.trim() && !asAt) found.push({ field: 'ledger-as-at', message: 'Enter a real date and time' });
    if (asAt && Date.parse(asAt) > Date.now()) found.push({ field: 'ledger-as-at', message: 'Enter a date and time that is not in the future' });
    setErrors(found);
    if (found.length === 0 && typeof month === 'string') setShown({ month, asAt });
  };
  const monthError = errorOf(errors, 'ledger-month-month') ?? errorOf(errors, 'ledger-month-year') ?? errorOf(errors, 'month');
  const atError = errorOf(errors, 'ledger-as-at') ?? errorOf(errors, 'asAt');
  return (
    <>
      <Link to="/staff/supervisor" className="govuk-back-link">
        Back to the supervisor dashboard
      </Link>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Victims' Code ledger
      </h1>
      <p className="govuk-body">
        Every promise made to a victim, counted in the month it fell due: met, missed or still pending. Any earlier moment shows the figures as they
        stood then. The ledger holds case references and dates only.
      </p>
      <form noValidate onSubmit={submit} aria-label="Month and time">
        <div className={`govuk-form-group${monthError ? ' govuk-form-group--error' : ''}`}>
          <fieldset className="govuk-fieldset" role="group" aria-describedby={`ledger-month-hint${monthError ? ' ledger-month-error' : ''}`}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Month</legend>
            <div id="ledger-month-hint" className="govuk-hint">
              For example, 5 2026
            </div>
            <ErrorMessage id="ledger-month-error" message={monthError} />
            <div className="govuk-date-input" id="ledger-month">
              {(['month', 'year'] as const).map((part) => (
                <div className="govuk-date-input__item" key={part}>
                  <div className="govuk-form-group">
                    <label className="govuk-label govuk-date-input__label" htmlFor={`ledger-month-${part}`}>
                      {part === 'month' ? 'Month' : 'Year'}
                    </label>
                    <input
                      className={`govuk-input govuk-date-input__input govuk-input--width-${part === 'month' ? 2 : 4}${monthError ? ' govuk-input--error' : ''}`}
                      id={`ledger-month-${part}`}
                      name={`ledger-month-${part}`}
                      type="text"
                      inputMode="numeric"
                      value={value[part]}
                      onChange={(e) => setValue({ ...value, [part]: e.target.value })}
                    />
                  </div>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <div className={`govuk-form-group${atError ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label govuk-label--s" htmlFor="ledger-as-at">
            As at (optional)
          </label>
          <div id="ledger-as-at-hint" className="govuk-hint">
            Date and time, in this computer's time zone. Leave it empty for now.
          </div>
          <ErrorMessage id="ledger-as-at-error" message={atError} />
          <input
            className={`govuk-input govuk-input--width-20${atError ? ' govuk-input--error' : ''}`}
            id="ledger-as-at"
            name="ledger-as-at"
            type="datetime-local"
            step={1}
            value={at}
            aria-describedby={`ledger-as-at-hint${atError ? ' ledger-as-at-error' : ''}`}
            onChange={(e) => setAt(e.target.value)}
          />
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary">
          Show the month
        </button>
      </form>
      {!totals ? <p className="govuk-body">Loading…</p> : <Totals totals={totals} />}
      <CaseObligations asAt={shown.asAt} />
    </>
  );
}

function Totals({ totals }: { totals: LedgerMonth }) {
  const label = monthLabel(totals.month);
  const any = totals.rights.some((r) => r.total > 0);
  return (
    <section aria-labelledby="totals-heading" className="govuk-!-margin-top-6" data-testid="ledger-totals">
      <h2 className="govuk-heading-m" id="totals-heading">
        {label}, as at {formatAuditTime(totals.asAt)}
      </h2>
      {any ? <LedgerChart rights={totals.rights} /> : <p className="govuk-body">No promise fell due in {label}.</p>}
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--s">Promises that fell due in {label}, by right</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {['Right', 'Met', 'Missed', 'Pending', 'Total', 'Met on time'].map((h, i) => (
              <th scope="col" className={`govuk-table__header${i > 0 ? ' govuk-table__header--numeric' : ''}`} key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {totals.rights.map((r) => (
            <tr className="govuk-table__row" key={r.right}>
              <th scope="row" className="govuk-table__header">
                {r.rightLabel}
              </th>
              {[r.met, r.missed, r.pending, r.total].map((n, i) => (
                <td className="govuk-table__cell govuk-table__cell--numeric" key={i}>
                  {n}
                </td>
              ))}
              <td className="govuk-table__cell govuk-table__cell--numeric">{percentText(r.percentMet)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="govuk-body-s">"Met on time" is met out of met and missed: pending promises are not counted until they are met or missed.</p>
      <p className="govuk-body">
        <a className="govuk-link" href={ledgerCsvLink(totals.month, totals.asAt)} download>
          Download the totals for {label} (CSV)
        </a>
      </p>
    </section>
  );
}

/** One case's promises and their dates, as at the same moment as the totals. */
function CaseObligations({ asAt }: { asAt: string | null }) {
  const [reference, setReference] = useState('');
  const [ledger, setLedger] = useState<CaseLedger | null>(null);
  const [error, setError] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ref = reference.trim();
    if (!ref) return setError('Enter a case reference');
    setError('');
    getCaseLedger(ref, asAt).then(setLedger, (e) => {
      setLedger(null);
      setError(
        e instanceof HttpError && e.status === 404
          ? 'No promise is recorded for that case at that time'
          : (fieldErrors(e)[0]?.message ?? 'Sorry, there is a problem with the service. Try again later.'),
      );
    });
  };
  return (
    <section aria-labelledby="case-ledger-heading" className="govuk-!-margin-top-6">
      <h2 className="govuk-heading-m" id="case-ledger-heading">
        One case's promises
      </h2>
      <form noValidate onSubmit={submit} role="search" aria-label="One case's promises">
        <TextInput
          id="ledger-reference"
          label="Case reference"
          hint="For example, BL-2026-000123"
          spellCheck={false}
          autoComplete="off"
          width="govuk-input--width-20"
          value={reference}
          onChange={setReference}
          error={error || undefined}
        />
        <button type="submit" className="govuk-button govuk-button--secondary">
          Show the case's promises
        </button>
      </form>
      {ledger && (
        <table className="govuk-table" data-testid="case-ledger">
          <caption className="govuk-table__caption govuk-table__caption--s">
            Case {ledger.reference}, as at {formatAuditTime(ledger.asAt)}
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {['Right', 'Owed from', 'Due by', 'Met', 'Status'].map((h) => (
                <th scope="col" className="govuk-table__header" key={h}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {ledger.obligations.map((o, i) => (
              <tr className="govuk-table__row" key={i}>
                <th scope="row" className="govuk-table__header">
                  {o.rightLabel}
                </th>
                <td className="govuk-table__cell">{formatAuditTime(o.aroseAt)}</td>
                <td className="govuk-table__cell">{formatAuditTime(o.dueAt)}</td>
                <td className="govuk-table__cell">{o.metAt ? formatAuditTime(o.metAt) : 'Not yet'}</td>
                <td className="govuk-table__cell">
                  <strong className={`govuk-tag ${STATUS_TAG[o.status] ?? 'govuk-tag--grey'}`}>{o.statusLabel}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
