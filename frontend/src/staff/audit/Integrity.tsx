import { useEffect, useRef, useState } from 'react';
import { SummaryList, WarningText } from '../../components/SummaryList';
import { fieldErrors, type FieldError } from '../../lib/http';
import { usePage } from '../../lib/page';
import { verifyIntegrity, type Integrity } from './auditApi';
import { formatNumber, integritySummary } from './auditLogic';
import { AuditPageTop, TableHead } from './AuditParts';

/** Walks the hash chain over the whole event log and says whether anything was altered. */
export function IntegrityPage() {
  const [result, setResult] = useState<Integrity | null>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const h1 = usePage('Event log integrity', errors.length > 0);
  const heading = useRef<HTMLHeadingElement>(null);
  // The verdict is what the auditor came for: put the reader there once it is on the page.
  useEffect(() => {
    if (result) heading.current?.focus();
  }, [result]);

  const verify = async () => {
    setBusy(true);
    setErrors([]);
    setResult(null);
    try {
      setResult(await verifyIntegrity());
    } catch (e) {
      setErrors(fieldErrors(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <AuditPageTop h1={h1} errors={errors}>
        Event log integrity
      </AuditPageTop>
      <p className="govuk-body">
        Each event is stored with a hash of itself and of the event before it. Verifying recomputes every hash from the first event to the last: an
        event changed, removed or added outside the application breaks the chain at that point.
      </p>
      <button type="button" className="govuk-button" onClick={verify} disabled={busy} aria-disabled={busy}>
        Verify the event log
      </button>
      <p className="govuk-body" role="status">
        {busy ? 'Verifying the event log…' : ''}
      </p>
      {result && (
        <section aria-labelledby="integrity-result-heading" data-testid="integrity-result" data-ok={result.ok}>
          <h2 className="govuk-heading-m" id="integrity-result-heading" ref={heading} tabIndex={-1}>
            Result
          </h2>
          {result.ok ? <Intact result={result} /> : <Broken result={result} />}
          {result.unchained.length > 0 && <Unchained rows={result.unchained} />}
        </section>
      )}
    </>
  );
}

function Intact({ result }: { result: Integrity }) {
  return (
    <div className="govuk-panel govuk-panel--confirmation app-panel-left" data-testid="integrity-ok">
      <h3 className="govuk-panel__title app-panel-title-m">Verified</h3>
      <div className="govuk-panel__body app-panel-body-s">
        <p className="app-break-all govuk-!-margin-0">{integritySummary(result)}</p>
      </div>
    </div>
  );
}

function Broken({ result }: { result: Integrity }) {
  const b = result.firstBreak;
  const rows: [string, string][] = b
    ? [
        ['Message', b.message],
        ['Kind', b.kind],
        ['Chain position', b.position === null ? 'None' : String(b.position)],
        ['Global index', b.globalIndex === null ? 'None' : String(b.globalIndex)],
      ]
    : [];
  return (
    <div data-testid="integrity-broken">
      <WarningText>{integritySummary(result)}</WarningText>
      <p className="govuk-body">
        {formatNumber(result.eventsVerified)} event{result.eventsVerified === 1 ? '' : 's'} verified before the first broken link.
      </p>
      {b && (
        <>
          <h3 className="govuk-heading-s">First broken link</h3>
          <SummaryList rows={rows} wrap="break-word" testId="first-break" />
        </>
      )}
    </div>
  );
}

function Unchained({ rows }: { rows: Integrity['unchained'] }) {
  return (
    <>
      <h3 className="govuk-heading-s">Events outside the chain</h3>
      <p className="govuk-body">These events have no place in the hash chain: they were not written by the application.</p>
      <table className="govuk-table" data-testid="unchained">
        <caption className="govuk-table__caption govuk-visually-hidden">Events outside the chain</caption>
        <TableHead headers={['Global index', 'Type', 'Aggregate ID']} />
        <tbody className="govuk-table__body">
          {rows.map((r) => (
            <tr className="govuk-table__row" key={r.globalIndex}>
              <td className="govuk-table__cell">{r.globalIndex}</td>
              <td className="govuk-table__cell">{r.type}</td>
              <td className="govuk-table__cell app-break-word">{r.aggregateId}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
