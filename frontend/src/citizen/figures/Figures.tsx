import { useEffect, useState } from 'react';
import type { Schema } from '../../api/contract';
import { request } from '../../lib/http';
import { usePage } from '../../lib/page';
import { CHANNEL_NAMES } from '../../staff/api';

export type PublicMonth = Schema<'PublicMonth'>;

const figuresUrl = (month: string, csv = false) => `/api/v1/public/figures?month=${encodeURIComponent(month)}${csv ? '&format=csv' : ''}`;

/** The last twelve months, newest first, as YYYY-MM in the force's time zone. */
export function recentMonths(now: Date, count = 12): string[] {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit' })
    .format(now)
    .split('-')
    .map(Number);
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(year, month - 1 - i, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

const monthName = (month: string) =>
  new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

const WITHHELD = 'Withheld';
const count = (n?: number | null) => (n === null || n === undefined ? WITHHELD : n.toLocaleString('en-GB'));
const percent = (n?: number | null) => (n === null || n === undefined ? WITHHELD : `${n}%`);
function duration(seconds?: number | null) {
  if (seconds === null || seconds === undefined) return WITHHELD;
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m ? `${m} min ${s} s` : `${s} s`;
}

/** Open data for anyone: how quickly the force answered each way of contacting it, month by month. */
export function FiguresPage() {
  const h1 = usePage('How quickly we answer');
  const months = recentMonths(new Date());
  const [month, setMonth] = useState(months[1]);
  const [figures, setFigures] = useState<PublicMonth | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    setFigures(null);
    setFailed(false);
    request<PublicMonth>(figuresUrl(month)).then(setFigures, () => setFailed(true));
  }, [month]);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <h1 className="govuk-heading-xl" ref={h1} tabIndex={-1}>
          How quickly we answer
        </h1>
        <p className="govuk-body">
          Each month, how many people contacted us in each way, how long they waited for an answer and how many gave up waiting. These are counts
          only: nothing here is about any one person.
        </p>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="month">
            Month
          </label>
          <select className="govuk-select" id="month" value={month} onChange={(e) => setMonth(e.target.value)}>
            {months.map((m) => (
              <option key={m} value={m}>
                {monthName(m)}
              </option>
            ))}
          </select>
        </div>
        {failed && <p className="govuk-body">The figures could not be loaded. Try again later.</p>}
        {!failed && !figures && <p className="govuk-body">Loading…</p>}
        {figures && (
          <>
            <table className="govuk-table" data-testid="public-figures">
              <caption className="govuk-table__caption govuk-table__caption--m">{monthName(figures.month)}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Way of contacting us
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    Contacts
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    Answered
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    Average wait
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    Answered within our target
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    Gave up waiting
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {figures.channels.map((c) => (
                  <tr className="govuk-table__row" key={c.channel}>
                    <th scope="row" className="govuk-table__header">
                      {CHANNEL_NAMES[c.channel] ?? c.channel}
                      <span className="govuk-body-s govuk-!-display-block">target {duration(c.targetSeconds)}</span>
                    </th>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{count(c.offered)}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{count(c.answered)}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{duration(c.averageSecondsToAnswer)}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{percent(c.answeredWithinTargetPercent)}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">
                      {count(c.abandoned)}
                      {c.abandonedPercent !== null && c.abandonedPercent !== undefined && ` (${percent(c.abandonedPercent)})`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table className="govuk-table" data-testid="victims-code-figures">
              <caption className="govuk-table__caption govuk-table__caption--m">Keeping our promises to victims</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    What the Victims&rsquo; Code promises
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    Kept on time
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    Missed
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    Not yet due or decided
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    Kept on time (share)
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {figures.victimsCode.map((r) => (
                  <tr className="govuk-table__row" key={r.right}>
                    <th scope="row" className="govuk-table__header">
                      {r.label}
                    </th>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{count(r.met)}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{count(r.missed)}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{count(r.pending)}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{percent(r.percentMet)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="govuk-body">
              &ldquo;{WITHHELD}&rdquo; means fewer than {figures.suppressedBelow} contacts, or a figure worked out from so few: we do not publish
              numbers that small, so that no one can be identified from them.
            </p>
            <h2 className="govuk-heading-m">Use these figures</h2>
            <ul className="govuk-list">
              <li>
                <a className="govuk-link" href={figuresUrl(month, true)} download>
                  Download {monthName(month)} as CSV
                </a>
              </li>
              <li>
                <a className="govuk-link" href={figuresUrl(month)}>
                  {monthName(month)} as JSON
                </a>
              </li>
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
