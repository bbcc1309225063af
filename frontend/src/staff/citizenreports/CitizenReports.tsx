import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextInput } from '../../components/fields';
import { fieldErrors, type FieldError } from '../../lib/http';
import { usePage } from '../../lib/page';
import labels from '../../api/labels.json';
import { getSatisfaction, getSignposting, satisfactionCsv, signpostingCsv, type SatisfactionReport, type SignpostingReport } from './api';

const COPY = {
  title: 'Signposting and satisfaction',
  intro: 'Citizens we pointed to another service before any case was opened, and how satisfied citizens were once their case was resolved.',
  reasons: { FRAUD: 'Fraud (Action Fraud)', LOST_PROPERTY: 'Lost property', NOISE: 'Noise (local council)' } as Record<string, string>,
  ratings: {
    VERY_SATISFIED: 'Very satisfied',
    SATISFIED: 'Satisfied',
    NEITHER: 'Neither',
    DISSATISFIED: 'Dissatisfied',
    VERY_DISSATISFIED: 'Very dissatisfied',
  } as Record<string, string>,
  withheld: 'withheld',
};

const channelLabel = (value: string) => labels.Channel.find((c) => c.value === value)?.label ?? value;
const monthLabel = (month: string) =>
  new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
const shown = (n: number | null | undefined) => (n === null || n === undefined ? COPY.withheld : String(n));

/** Supervisors' page: counts only, small satisfaction numbers withheld by the server. */
export function CitizenReportsPage() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [asked, setAsked] = useState({ from: '', to: '' });
  const [signposting, setSignposting] = useState<SignpostingReport | null>(null);
  const [satisfaction, setSatisfaction] = useState<SatisfactionReport | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const h1 = usePage(COPY.title, errors.length > 0);
  useEffect(() => {
    let live = true;
    Promise.all([getSignposting(asked.from, asked.to), getSatisfaction(asked.from, asked.to)]).then(
      ([s, f]) => live && (setSignposting(s), setSatisfaction(f), setErrors([])),
      (e) => live && setErrors(fieldErrors(e).map((x) => ({ ...x, field: x.field === 'from' || x.field === 'to' ? `months-${x.field}` : x.field }))),
    );
    return () => {
      live = false;
    };
  }, [asked]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAsked({ from: from.trim(), to: to.trim() });
  };
  const err = (f: string) => errors.find((e) => e.field === f)?.message;
  return (
    <>
      <Link to="/staff/supervisor" className="govuk-back-link">
        Back to the supervisor dashboard
      </Link>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        {COPY.title}
      </h1>
      <p className="govuk-body">{COPY.intro}</p>
      <form noValidate onSubmit={submit} className="govuk-!-margin-bottom-6">
        <TextInput
          id="months-from"
          label="First month"
          hint="For example, 2026-01. Leave both empty for the last 12 months."
          width="govuk-input--width-10"
          value={from}
          onChange={setFrom}
          error={err('months-from')}
        />
        <TextInput
          id="months-to"
          label="Last month"
          hint="For example, 2026-12"
          width="govuk-input--width-10"
          value={to}
          onChange={setTo}
          error={err('months-to')}
        />
        <button type="submit" className="govuk-button govuk-button--secondary">
          Show these months
        </button>
      </form>
      {signposting && (
        <section aria-labelledby="signposting-heading" data-testid="signposting-report">
          <h2 className="govuk-heading-m" id="signposting-heading">
            Pointed to another service
          </h2>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">
              Signposts shown, {monthLabel(signposting.from)} to {monthLabel(signposting.to)}
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Month
                </th>
                {signposting.months[0]?.reasons.map((r) => (
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric" key={r.reason}>
                    {COPY.reasons[r.reason] ?? r.reason}
                  </th>
                ))}
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  Total
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {signposting.months.map((m) => (
                <tr className="govuk-table__row" key={m.month}>
                  <th scope="row" className="govuk-table__header">
                    {monthLabel(m.month)}
                  </th>
                  {m.reasons.map((r) => (
                    <td className="govuk-table__cell govuk-table__cell--numeric" key={r.reason}>
                      {r.count}
                    </td>
                  ))}
                  <td className="govuk-table__cell govuk-table__cell--numeric">{m.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="govuk-body">
            <a className="govuk-link" href={signpostingCsv(asked.from, asked.to)} download>
              Download signposting by channel (CSV)
            </a>
          </p>
        </section>
      )}
      {satisfaction && (
        <section aria-labelledby="satisfaction-heading" data-testid="satisfaction-report">
          <h2 className="govuk-heading-m" id="satisfaction-heading">
            How satisfied citizens were
          </h2>
          <p className="govuk-body">
            By the channel the citizen first contacted us on. Counts from 1 to {satisfaction.suppressedBelow - 1} are withheld, and so is any
            percentage made from them.
          </p>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">
              Answers, {monthLabel(satisfaction.from)} to {monthLabel(satisfaction.to)}
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Month and channel
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  Answers
                </th>
                {Object.values(COPY.ratings).map((label) => (
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric" key={label}>
                    {label}
                  </th>
                ))}
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  Satisfied
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {satisfaction.months.flatMap((m) =>
                m.channels
                  .filter((c) => c.answers !== 0)
                  .map((c) => (
                    <tr className="govuk-table__row" key={`${m.month}-${c.channel}`}>
                      <th scope="row" className="govuk-table__header">
                        {monthLabel(m.month)}, {channelLabel(c.channel)}
                      </th>
                      <td className="govuk-table__cell govuk-table__cell--numeric">{shown(c.answers)}</td>
                      {Object.keys(COPY.ratings).map((rating) => (
                        <td className="govuk-table__cell govuk-table__cell--numeric" key={rating}>
                          {shown(c.ratings.find((r) => r.satisfaction === rating)?.count)}
                        </td>
                      ))}
                      <td className="govuk-table__cell govuk-table__cell--numeric">
                        {c.percentSatisfied === null || c.percentSatisfied === undefined ? COPY.withheld : `${c.percentSatisfied}%`}
                      </td>
                    </tr>
                  )),
              )}
            </tbody>
          </table>
          {satisfaction.months.every((m) => m.channels.every((c) => c.answers === 0)) && (
            <p className="govuk-body" data-testid="no-satisfaction">
              No answers in these months.
            </p>
          )}
          <p className="govuk-body">
            <a className="govuk-link" href={satisfactionCsv(asked.from, asked.to)} download>
              Download satisfaction (CSV)
            </a>
          </p>
        </section>
      )}
    </>
  );
}
