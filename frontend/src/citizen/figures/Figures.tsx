import { useEffect, useState } from 'react';
import type { Schema } from '../../api/contract';
import { request } from '../../lib/http';
import { usePage } from '../../lib/page';
import { currentLanguage, t as translate, useT } from '../../i18n';

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
  new Intl.DateTimeFormat(currentLanguage() === 'cy' ? 'cy' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );

const withheld = () => translate('figures.withheld');
const count = (n?: number | null) => (n === null || n === undefined ? withheld() : n.toLocaleString('en-GB'));
const percent = (n?: number | null) => (n === null || n === undefined ? withheld() : `${n}%`);
function duration(seconds?: number | null) {
  if (seconds === null || seconds === undefined) return withheld();
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m ? translate('figures.minutesSeconds', { minutes: m, seconds: s }) : translate('figures.seconds', { seconds: s });
}

/** Open data for anyone: how quickly the force answered each way of contacting it, month by month. */
export function FiguresPage() {
  const t = useT();
  const h1 = usePage(t('figures.title'));
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
          {t('figures.title')}
        </h1>
        <p className="govuk-body">{t('figures.intro')}</p>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="month">
            {t('figures.month')}
          </label>
          <select className="govuk-select" id="month" value={month} onChange={(e) => setMonth(e.target.value)}>
            {months.map((m) => (
              <option key={m} value={m}>
                {monthName(m)}
              </option>
            ))}
          </select>
        </div>
        {failed && <p className="govuk-body">{t('figures.failed')}</p>}
        {!failed && !figures && <p className="govuk-body">{t('figures.loading')}</p>}
        {figures && (
          <>
            <table className="govuk-table" data-testid="public-figures">
              <caption className="govuk-table__caption govuk-table__caption--m">{monthName(figures.month)}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    {t('figures.way')}
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    {t('figures.contacts')}
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    {t('figures.answered')}
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    {t('figures.averageWait')}
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    {t('figures.withinTarget')}
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    {t('figures.gaveUp')}
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {figures.channels.map((c) => (
                  <tr className="govuk-table__row" key={c.channel}>
                    <th scope="row" className="govuk-table__header">
                      {t(`figures.channel.${c.channel}`, { defaultValue: c.channel })}
                      <span className="govuk-body-s govuk-!-display-block">{t('figures.target', { duration: duration(c.targetSeconds) })}</span>
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
              <caption className="govuk-table__caption govuk-table__caption--m">{t('figures.promisesCaption')}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    {t('figures.promise')}
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    {t('figures.kept')}
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    {t('figures.missed')}
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    {t('figures.pending')}
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    {t('figures.keptShare')}
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {figures.victimsCode.map((r) => (
                  <tr className="govuk-table__row" key={r.right}>
                    <th scope="row" className="govuk-table__header">
                      {t(`figures.right.${r.right}`, { defaultValue: r.label })}
                    </th>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{count(r.met)}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{count(r.missed)}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{count(r.pending)}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{percent(r.percentMet)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="govuk-body">{t('figures.withheldMeans', { withheld: withheld(), below: figures.suppressedBelow })}</p>
            <h2 className="govuk-heading-m">{t('figures.useHeading')}</h2>
            <ul className="govuk-list">
              <li>
                <a className="govuk-link" href={figuresUrl(month, true)} download>
                  {t('figures.csv', { month: monthName(month) })}
                </a>
              </li>
              <li>
                <a className="govuk-link" href={figuresUrl(month)}>
                  {t('figures.json', { month: monthName(month) })}
                </a>
              </li>
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
