import { useEffect, useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, Radios, TextInput } from '../../components/fields';
import { fieldErrors, formatDate, request, type FieldError } from '../../lib/http';
import { usePage } from '../../lib/page';
import { send } from '../api';

/** A row of GET /api/v1/staff/retention/reviews: no personal data, only what the review needs. */
export interface Review {
  reference: string;
  category: string;
  reviewDueAt: string;
  overdue: boolean;
}

const QUEUE = '/api/v1/staff/retention/reviews';

/**
 * MoPI review, retention and disposal: each closed case whose retention period has ended is kept,
 * with a reason and a new review date, or disposed of, which erases the person's data.
 */
export function RetentionReviewsPage() {
  const [rows, setRows] = useState<Review[] | null>(null);
  const [tick, setTick] = useState(0);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [reference, setReference] = useState('');
  const [decision, setDecision] = useState('');
  const [reason, setReason] = useState('');
  const [nextReview, setNextReview] = useState('');
  const [done, setDone] = useState('');
  const h1 = usePage('Retention reviews', errors.length > 0);

  useEffect(() => {
    request<Review[]>(QUEUE).then(setRows, () => (setRows([]), setErrors([{ field: '', message: 'The reviews could not be loaded. Try again later.' }])));
  }, [tick]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: FieldError[] = [];
    if (!reference) missing.push({ field: 'review-case', message: 'Choose the case to review' });
    if (!decision) missing.push({ field: 'review-decision', message: 'Choose whether to keep or dispose of the case' });
    if (!reason.trim()) missing.push({ field: 'review-reason', message: 'Enter the reason or decision number' });
    if (decision === 'extend' && !/^\d{4}-\d{2}-\d{2}$/.test(nextReview.trim()))
      missing.push({ field: 'review-next', message: 'Enter the next review date as YYYY-MM-DD' });
    setErrors(missing);
    if (missing.length) return;
    try {
      const path = `${QUEUE}/${encodeURIComponent(reference)}/${decision}`;
      await send('POST', path, decision === 'extend' ? { reason: reason.trim(), nextReviewDue: nextReview.trim() } : { reason: reason.trim() });
      setDone(decision === 'extend' ? `Case ${reference} is kept until ${formatDate(nextReview.trim())}` : `Case ${reference} is disposed of and its personal data erased`);
      setReference('');
      setDecision('');
      setReason('');
      setNextReview('');
      setTick((t) => t + 1);
    } catch (e) {
      setErrors(fieldErrors(e));
    }
  };
  const error = (field: string) => errors.find((e) => e.field === field)?.message;

  return (
    <>
      <ErrorSummary errors={errors} />
      {done && (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" data-testid="reviewed">
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{done}</p>
          </div>
        </div>
      )}
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Retention reviews
      </h1>
      <p className="govuk-body">
        Closed cases whose retention period has ended (Management of Police Information: review, retention and disposal). Keep a case that is
        still needed for a policing purpose, or dispose of it.
      </p>
      {rows && rows.length === 0 && <p className="govuk-body" data-testid="no-reviews">No reviews are due.</p>}
      {rows && rows.length > 0 && (
        <table className="govuk-table" data-testid="reviews">
          <caption className="govuk-table__caption govuk-table__caption--m">Due and overdue</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Case</th>
              <th scope="col" className="govuk-table__header">Category</th>
              <th scope="col" className="govuk-table__header">Review due</th>
              <th scope="col" className="govuk-table__header">State</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {rows.map((r) => (
              <tr className="govuk-table__row" key={r.reference}>
                <td className="govuk-table__cell">{r.reference}</td>
                <td className="govuk-table__cell">{r.category}</td>
                <td className="govuk-table__cell">{formatDate(r.reviewDueAt)}</td>
                <td className="govuk-table__cell">
                  <strong className={`govuk-tag${r.overdue ? ' govuk-tag--red' : ' govuk-tag--yellow'}`}>{r.overdue ? 'Overdue' : 'Due'}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows && rows.length > 0 && (
        <form onSubmit={submit} noValidate>
          <Radios name="review-case" legend="Case to review" options={rows.map((r) => ({ value: r.reference, label: r.reference }))} value={reference} onChange={setReference} error={error('review-case')} />
          <Radios
            name="review-decision"
            legend="Decision"
            options={[
              { value: 'extend', label: 'Keep it until a later review' },
              { value: 'dispose', label: 'Dispose of it and erase the personal data' },
            ]}
            value={decision}
            onChange={setDecision}
            error={error('review-decision')}
          />
          <TextInput id="review-reason" label="Reason or decision number" hint="Never the person's details" value={reason} onChange={setReason} error={error('review-reason')} />
          {decision === 'extend' && (
            <TextInput id="review-next" label="Next review date" hint="For example, 2031-06-30" value={nextReview} onChange={setNextReview} error={error('review-next')} width="govuk-input--width-10" />
          )}
          <Button>Record the decision</Button>
        </form>
      )}
    </>
  );
}
