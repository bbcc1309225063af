import { useEffect, useRef, useState } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SuccessBanner } from '../../components/SuccessBanner';
import { SummaryList, WarningText } from '../../components/SummaryList';
import { HttpError, type FieldError } from '../../lib/http';
import { usePage } from '../../lib/page';
import { formatAuditTime } from '../audit/auditLogic';
import { TableHead } from '../audit/AuditParts';
import { evictDeadLetter, getDeadLetters, retryDeadLetter, type DeadLetter } from './deadLettersApi';
import { causeText, readModelName, retrySends, waitingText } from './deadLetterLogic';

const HEADERS = ['Read model', 'Event', 'Holds up', 'Error', 'Parked since', 'Waiting behind it', 'Actions'];
const FAILED: FieldError = { field: '', message: 'Sorry, there is a problem with the service. Try again later.' };

/**
 * The administrator's page of events projections could not handle. Each row is the first parked
 * event of a contact or case; retry processes it and those behind it again, evict drops it after
 * a check. The event's content is not shown: that is personal data, read in the audit trail with a reason.
 */
export function DeadLettersPage() {
  const [letters, setLetters] = useState<DeadLetter[] | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [evicting, setEvicting] = useState<DeadLetter | null>(null);
  const [busy, setBusy] = useState(false);
  const [tick, setTick] = useState(0);
  const h1 = usePage('Dead letters', errors.length > 0);
  const check = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    getDeadLetters().then(
      setLetters,
      () => (setLetters([]), setErrors([{ field: '', message: 'The dead letters could not be loaded. Try again later.' }])),
    );
  }, [tick]);
  useEffect(() => {
    if (evicting) check.current?.focus();
  }, [evicting]);

  const act = async (work: () => Promise<string | null>) => {
    if (busy) return;
    setBusy(true);
    setDone(null);
    try {
      const failed = await work();
      setErrors(failed ? [{ field: '', message: failed }] : []);
    } catch (e) {
      setErrors([
        e instanceof HttpError && e.status === 404
          ? { field: '', message: 'That dead letter is no longer there: someone has retried or evicted it.' }
          : FAILED,
      ]);
    } finally {
      setBusy(false);
      setTick((t) => t + 1);
    }
  };

  const retry = (letter: DeadLetter) =>
    act(async () => {
      const retried = await retryDeadLetter(letter.id);
      if (retried.outcome === 'PROJECTED') {
        setDone(`The events of ${letter.sequence} are in the ${readModelName(letter.readModel).toLowerCase()} now`);
        return null;
      }
      return `${retried.deadLetter?.eventType ?? 'An event'} of ${letter.sequence} failed again: ${retried.deadLetter ? causeText(retried.deadLetter) : 'see the list'}`;
    });

  const evict = (letter: DeadLetter) =>
    act(async () => {
      await evictDeadLetter(letter.id);
      setEvicting(null);
      setDone(`Event ${letter.eventId} is evicted from the ${readModelName(letter.readModel).toLowerCase()}`);
      return null;
    });

  return (
    <>
      <ErrorSummary errors={errors} />
      <SuccessBanner message={done} testId="dead-letter-done" />
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Dead letters
      </h1>
      <p className="govuk-body">
        Events a read model could not take in. Each waits with the later events of the same contact or case; every other event has gone on. Fix the
        cause (the error names the table and constraint), then retry. Evict an event only if its read model should never hold it.
      </p>
      {evicting ? (
        <div data-testid="evict-confirm">
          <h2 className="govuk-heading-m" ref={check} tabIndex={-1}>
            Check before you evict this event
          </h2>
          <SummaryList
            wrap="break-word"
            rows={[
              ['Read model', readModelName(evicting.readModel)],
              ['Event', `${evicting.eventType} ${evicting.eventId}`],
              ['Holds up', evicting.sequence],
              ['Error', causeText(evicting)],
            ]}
          />
          <WarningText>
            The {readModelName(evicting.readModel).toLowerCase()} will never show this event, and rebuilds will leave it out too.{' '}
            {evicting.waitingBehind > 0 ? `${waitingText(evicting.waitingBehind)} behind it stay parked until you retry them. ` : ''}The event stays
            in the event log, and your name is recorded.
          </WarningText>
          <div className="govuk-button-group">
            <button type="button" className="govuk-button govuk-button--warning" disabled={busy} aria-disabled={busy} onClick={() => evict(evicting)}>
              Evict this event
            </button>
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setEvicting(null)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <DeadLetterTable letters={letters} busy={busy} onRetry={retry} onEvict={setEvicting} />
      )}
    </>
  );
}

interface TableProps {
  letters: DeadLetter[] | null;
  busy: boolean;
  onRetry: (letter: DeadLetter) => void;
  onEvict: (letter: DeadLetter) => void;
}

function DeadLetterTable({ letters, busy, onRetry, onEvict }: TableProps) {
  if (letters === null) return <p className="govuk-body">Loading…</p>;
  if (!letters.length)
    return (
      <p className="govuk-body" data-testid="no-dead-letters">
        There are no dead letters: every read model has taken in every event.
      </p>
    );
  return (
    <>
      {letters.some(retrySends) && <WarningText>Retrying an update to a citizen sends it, unless a delivery of it was already recorded.</WarningText>}
      <table className="govuk-table" data-testid="dead-letters">
        <caption className="govuk-table__caption govuk-visually-hidden">Dead letters, longest parked first</caption>
        <TableHead headers={HEADERS} numeric={[5]} />
        <tbody className="govuk-table__body">
          {letters.map((l) => (
            <tr className="govuk-table__row" key={l.id} data-id={l.id}>
              <td className="govuk-table__cell">{readModelName(l.readModel)}</td>
              <td className="govuk-table__cell app-break-word">
                {l.eventType} <br />
                <span className="govuk-body-s">{l.eventId}</span>
              </td>
              <td className="govuk-table__cell app-break-word">{l.sequence}</td>
              <td className="govuk-table__cell app-break-word">{causeText(l)}</td>
              <td className="govuk-table__cell app-nowrap">
                <time dateTime={l.since}>{formatAuditTime(l.since)}</time>
              </td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{waitingText(l.waitingBehind)}</td>
              <td className="govuk-table__cell">
                {l.beingRetried ? (
                  <strong className="govuk-tag govuk-tag--yellow">Being retried</strong>
                ) : (
                  <div className="govuk-button-group">
                    <button
                      type="button"
                      className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                      disabled={busy}
                      onClick={() => onRetry(l)}
                    >
                      Retry
                      <span className="govuk-visually-hidden">
                        {' '}
                        {l.eventType} of {l.sequence}
                      </span>
                    </button>
                    <button
                      type="button"
                      className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
                      disabled={busy}
                      onClick={() => onEvict(l)}
                    >
                      Evict
                      <span className="govuk-visually-hidden">
                        {' '}
                        {l.eventType} of {l.sequence}
                      </span>
                    </button>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
