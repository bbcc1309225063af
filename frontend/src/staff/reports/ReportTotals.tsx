import { formatWait } from '../queueState';
import type { ContactReport, ReportFigures } from './api';
import { countChange, describePeriod, rateChange, serviceLevel, type Change, type Period } from './periods';

interface Row {
  name: string;
  show: (f: ReportFigures) => string;
  change: (now: ReportFigures, before: ReportFigures) => Change;
}

const count = (pick: (f: ReportFigures) => number) => ({
  show: (f: ReportFigures) => pick(f).toLocaleString('en-GB'),
  change: (a: ReportFigures, b: ReportFigures) => countChange(pick(a), pick(b)),
});

const seconds = (pick: (f: ReportFigures) => number, of: (f: ReportFigures) => number, none: string) => ({
  show: (f: ReportFigures) => (of(f) ? formatWait(pick(f)) : none),
  change: (a: ReportFigures, b: ReportFigures): Change => {
    if (!of(a) || !of(b)) return { text: 'Not comparable', direction: 'none' };
    const diff = pick(a) - pick(b);
    return diff === 0
      ? { text: 'No change', direction: 'same' }
      : { text: `${diff > 0 ? '+' : '−'}${formatWait(Math.abs(diff))}`, direction: diff > 0 ? 'up' : 'down' };
  },
});

const level = (f: ReportFigures) => serviceLevel(f);

function rows(report: ContactReport): Row[] {
  return [
    { name: 'Offered', ...count((f) => f.offered) },
    { name: 'Answered', ...count((f) => f.answered) },
    { name: 'Abandoned', ...count((f) => f.abandoned) },
    { name: `Short abandons (within ${report.shortAbandonSeconds} seconds)`, ...count((f) => f.shortAbandoned) },
    { name: `Answered within target (${formatWait(report.targetSeconds)})`, ...count((f) => f.answeredWithinTarget) },
    {
      name: 'Share answered within target',
      show: (f) => {
        const l = level(f);
        return l === null ? 'No contacts' : `${l}%`;
      },
      change: (a, b) => rateChange(level(a), level(b)),
    },
    {
      name: 'Average speed of answer',
      ...seconds(
        (f) => f.averageSpeedOfAnswerSeconds,
        (f) => f.answered,
        'None answered',
      ),
    },
    {
      name: 'Average handle time',
      ...seconds(
        (f) => f.averageHandleSeconds,
        (f) => f.handled,
        'None handled',
      ),
    },
  ];
}

/** The period's totals, and beside them the compared period's and the change, in words. */
export function ReportTotals({
  report,
  compare,
  comparePeriod,
}: {
  report: ContactReport;
  compare: ContactReport | null;
  comparePeriod: Period | null;
}) {
  const now = describePeriod({ from: report.from, to: report.to });
  const before = compare && comparePeriod ? describePeriod(comparePeriod) : null;
  return (
    <table className="govuk-table" data-testid="report-totals">
      <caption className="govuk-table__caption govuk-table__caption--m">Totals</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Measure
          </th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">
            {now}
          </th>
          {before && (
            <>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                {before}
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Change
              </th>
            </>
          )}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows(report).map((r) => (
          <tr className="govuk-table__row" key={r.name}>
            <th scope="row" className="govuk-table__header">
              {r.name}
            </th>
            <td className="govuk-table__cell govuk-table__cell--numeric">{r.show(report.totals)}</td>
            {before && compare && (
              <>
                <td className="govuk-table__cell govuk-table__cell--numeric">{r.show(compare.totals)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric" data-testid="change">
                  {r.change(report.totals, compare.totals).text}
                </td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
