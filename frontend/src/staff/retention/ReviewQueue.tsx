import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Button, Radios, TextInput } from '../../components/fields';
import { fieldErrors, formatDate, request, type FieldError } from '../../lib/http';
import { send } from '../api';

/** One queue of due reviews: what its rows are, where they come from and how a row is shown. */
export interface QueueKind<T> {
  /** "case" or "contact": the words of the form and its messages. */
  noun: string;
  path: string;
  /** Field ids start with this, so that two queues on one page never share one. */
  prefix: string;
  heading: string;
  id: (row: T) => string;
  label: (row: T) => string;
  columns: [string, (row: T) => ReactNode][];
  reviewDueAt: (row: T) => string;
  overdue: (row: T) => boolean;
}

interface Props<T> {
  kind: QueueKind<T>;
  errors: FieldError[];
  setErrors: (e: FieldError[]) => void;
  onDone: (message: string) => void;
}

/** Keep with a reason until a later review, or dispose of it, which erases the person's data. */
export function ReviewQueue<T>({ kind, errors, setErrors, onDone }: Props<T>) {
  const [rows, setRows] = useState<T[] | null>(null);
  const [tick, setTick] = useState(0);
  const [chosen, setChosen] = useState('');
  const [decision, setDecision] = useState('');
  const [reason, setReason] = useState('');
  const [nextReview, setNextReview] = useState('');
  const field = (name: string) => `${kind.prefix}-${name}`;
  const noun = kind.noun;
  const label = chosen && rows?.find((r) => kind.id(r) === chosen);

  useEffect(() => {
    request<T[]>(kind.path).then(
      setRows,
      () => (setRows([]), setErrors([{ field: '', message: `The ${noun} reviews could not be loaded. Try again later.` }])),
    );
  }, [tick]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: FieldError[] = [];
    if (!chosen) missing.push({ field: field(noun), message: `Choose the ${noun} to review` });
    if (!decision) missing.push({ field: field('decision'), message: `Choose whether to keep or dispose of the ${noun}` });
    if (!reason.trim()) missing.push({ field: field('reason'), message: 'Enter the reason or decision number' });
    if (decision === 'extend' && !/^\d{4}-\d{2}-\d{2}$/.test(nextReview.trim()))
      missing.push({ field: field('next'), message: 'Enter the next review date as YYYY-MM-DD' });
    setErrors(missing);
    if (missing.length) return;
    try {
      const body = decision === 'extend' ? { reason: reason.trim(), nextReviewDue: nextReview.trim() } : { reason: reason.trim() };
      await send('POST', `${kind.path}/${encodeURIComponent(chosen)}/${decision}`, body);
      const name = `${noun[0].toUpperCase()}${noun.slice(1)} ${label ? kind.label(label) : chosen}`;
      onDone(
        decision === 'extend' ? `${name} is kept until ${formatDate(nextReview.trim())}` : `${name} is disposed of and its personal data erased`,
      );
      setChosen('');
      setDecision('');
      setReason('');
      setNextReview('');
      setTick((t) => t + 1);
    } catch (e) {
      setErrors(fieldErrors(e));
    }
  };
  const error = (name: string) => errors.find((e) => e.field === field(name))?.message;

  return (
    <section aria-labelledby={field('heading')} className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id={field('heading')}>
        {kind.heading}
      </h2>
      {rows && rows.length === 0 && (
        <p className="govuk-body" data-testid={field('none')}>
          No reviews are due.
        </p>
      )}
      {rows && rows.length > 0 && (
        <>
          <table className="govuk-table" data-testid={`${kind.prefix}s`}>
            <caption className="govuk-table__caption govuk-table__caption--s">Due and overdue</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                {[...kind.columns.map(([h]) => h), 'Review due', 'State'].map((h) => (
                  <th key={h} scope="col" className="govuk-table__header">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {rows.map((r) => (
                <tr className="govuk-table__row" key={kind.id(r)}>
                  {kind.columns.map(([h, cell]) => (
                    <td key={h} className="govuk-table__cell">
                      {cell(r)}
                    </td>
                  ))}
                  <td className="govuk-table__cell">{formatDate(kind.reviewDueAt(r))}</td>
                  <td className="govuk-table__cell">
                    <strong className={`govuk-tag${kind.overdue(r) ? ' govuk-tag--red' : ' govuk-tag--yellow'}`}>
                      {kind.overdue(r) ? 'Overdue' : 'Due'}
                    </strong>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <form onSubmit={submit} noValidate>
            <Radios
              name={field(noun)}
              legend={`${noun[0].toUpperCase()}${noun.slice(1)} to review`}
              legendSize="m"
              options={rows.map((r) => ({ value: kind.id(r), label: kind.label(r) }))}
              value={chosen}
              onChange={setChosen}
              error={error(noun)}
            />
            <Radios
              name={field('decision')}
              legend="Decision"
              legendSize="m"
              options={[
                { value: 'extend', label: 'Keep it until a later review' },
                { value: 'dispose', label: 'Dispose of it and erase the personal data' },
              ]}
              value={decision}
              onChange={setDecision}
              error={error('decision')}
            />
            <TextInput
              id={field('reason')}
              label="Reason or decision number"
              hint="Never the person's details"
              value={reason}
              onChange={setReason}
              error={error('reason')}
            />
            {decision === 'extend' && (
              <TextInput
                id={field('next')}
                label="Next review date"
                hint="For example, 2031-06-30"
                value={nextReview}
                onChange={setNextReview}
                error={error('next')}
                width="govuk-input--width-10"
              />
            )}
            <Button>{noun === 'case' ? 'Record the decision' : `Record the decision on the ${noun}`}</Button>
          </form>
        </>
      )}
    </section>
  );
}
