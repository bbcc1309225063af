import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary';
import { DateInput, Radios } from '../../components/fields';
import type { FieldError } from '../../lib/http';
import { usePage } from '../../lib/page';
import { CHANNEL_NAMES, type Channel } from '../api';
import { formatWait } from '../queueState';
import { contactsCsv, getContactReport, getHandlerReport, handlersCsv, type ContactReport, type HandlerReport } from './api';
import { intervalLabels, speedOf } from './chartData';
import { ReportCharts } from './ReportCharts';
import { ReportTotals } from './ReportTotals';
import {
  COMPARES,
  comparePeriod,
  customPeriod,
  describePeriod,
  partsOf,
  presetPeriod,
  PRESETS,
  STEP_WORDS,
  stepFor,
  todayInLondon,
  addDays,
  type Compare,
  type DateParts,
  type Period,
  type Preset,
} from './periods';

const CHANNELS = Object.keys(CHANNEL_NAMES) as Channel[];

interface Choice {
  channel: Channel;
  preset: Preset;
  period: Period;
  compare: Compare;
}

/** What the address asks for (so a report can be bookmarked, shared and reached with Back), or today's chats. */
function choiceOf(params: URLSearchParams, today: string): Choice {
  const channel = CHANNELS.includes(params.get('channel') as Channel) ? (params.get('channel') as Channel) : 'CHAT';
  const preset = PRESETS.some((p) => p.value === params.get('period')) ? (params.get('period') as Preset) : 'today';
  const compare = COMPARES.some((c) => c.value === params.get('compare')) ? (params.get('compare') as Compare) : 'previous';
  const custom = preset === 'custom' ? customPeriod(partsOf(params.get('from') ?? ''), partsOf(params.get('to') ?? '')) : null;
  const period = preset !== 'custom' ? presetPeriod(preset, today) : Array.isArray(custom) || !custom ? presetPeriod('today', today) : custom;
  return { channel, preset: Array.isArray(custom) ? 'today' : preset, period, compare };
}

interface Loaded {
  report: ContactReport;
  compare: ContactReport | null;
  handlers: HandlerReport;
}

export function ReportsPage() {
  const [params, setParams] = useSearchParams();
  const today = todayInLondon();
  const applied = useMemo(() => choiceOf(params, today), [params, today]);
  const [channel, setChannel] = useState<Channel>(applied.channel);
  const [preset, setPreset] = useState<Preset>(applied.preset);
  const [compare, setCompare] = useState<Compare>(applied.compare);
  const [first, setFirst] = useState<DateParts>(partsOf(applied.period.from));
  const [last, setLast] = useState<DateParts>(partsOf(addDays(applied.period.to, -1)));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState(false);
  const h1 = usePage('Contact centre reports', errors.length > 0);

  const against = comparePeriod(applied.period, applied.compare);
  useEffect(() => {
    let live = true;
    const step = stepFor(applied.period);
    const before = comparePeriod(applied.period, applied.compare);
    setFailed(false);
    Promise.all([
      getContactReport(applied.channel, applied.period, step),
      before ? getContactReport(applied.channel, before, step) : Promise.resolve(null),
      getHandlerReport(applied.period),
    ]).then(
      ([report, compared, handlers]) => live && setLoaded({ report, compare: compared, handlers }),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [applied]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: Record<string, string> = { channel, period: preset, compare };
    if (preset === 'custom') {
      const custom = customPeriod(first, last);
      if (Array.isArray(custom)) return setErrors(custom);
      Object.assign(next, { from: custom.from, to: addDays(custom.to, -1) });
    }
    setErrors([]);
    setParams(next);
  };
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;

  return (
    <>
      <Link to="/staff/supervisor" className="govuk-back-link">
        Back to the supervisor dashboard
      </Link>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Contact centre reports
      </h1>
      <form onSubmit={submit} noValidate data-testid="report-form">
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--m" htmlFor="channel">
            Channel
          </label>
          <select className="govuk-select" id="channel" name="channel" value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {CHANNEL_NAMES[c]}
              </option>
            ))}
          </select>
        </div>
        <Radios
          name="period"
          legend="Period"
          value={preset}
          onChange={(v) => setPreset(v as Preset)}
          options={PRESETS.map((p) => ({
            ...p,
            conditional:
              p.value === 'custom' ? (
                <>
                  <DateInput
                    id="from"
                    legend="First day"
                    hint="For example, 1 3 2026"
                    value={first}
                    onChange={setFirst}
                    error={errorFor('from-day')}
                  />
                  <DateInput id="to" legend="Last day" hint="For example, 31 3 2026" value={last} onChange={setLast} error={errorFor('to-day')} />
                </>
              ) : undefined,
          }))}
        />
        <Radios name="compare" legend="Compare with" value={compare} onChange={(v) => setCompare(v as Compare)} options={COMPARES} />
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Show report
        </button>
      </form>
      {failed && <p className="govuk-error-message">The report could not be loaded. Try again in a moment.</p>}
      {!loaded && !failed && <p className="govuk-body">Loading…</p>}
      {loaded && <Report loaded={loaded} against={against} />}
    </>
  );
}

function Report({ loaded, against }: { loaded: Loaded; against: Period | null }) {
  const { report, compare, handlers } = loaded;
  const period: Period = { from: report.from, to: report.to };
  const channel = report.channel as Channel;
  const busy = report.intervals.filter((i) => i.figures.offered > 0);
  const labels = intervalLabels(report);
  return (
    <section aria-labelledby="report-heading" data-testid="report">
      <h2 className="govuk-heading-m" id="report-heading">
        {CHANNEL_NAMES[channel]}: {describePeriod(period)}
      </h2>
      <p className="govuk-body">
        Answered within target means within {formatWait(report.targetSeconds)}, this queue’s target. A short abandon is a contact that left within{' '}
        {report.shortAbandonSeconds} seconds: it is counted as abandoned, and left out of the share answered within target.
      </p>
      <ReportTotals report={report} compare={compare} comparePeriod={against} />
      <h2 className="govuk-heading-m">Through the period, {STEP_WORDS[report.step]}</h2>
      {busy.length === 0 ? (
        <p className="govuk-body">No contacts were offered in this period.</p>
      ) : (
        <>
          <ReportCharts report={report} compare={compare} />
          <table className="govuk-table" data-testid="interval-table">
            <caption className="govuk-table__caption govuk-table__caption--s">Figures {STEP_WORDS[report.step]} (intervals with contacts)</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                {['Starting', 'Offered', 'Answered', 'Abandoned', 'Within target', 'Average speed of answer'].map((h, n) => (
                  <th key={h} scope="col" className={`govuk-table__header${n ? ' govuk-table__header--numeric' : ''}`}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {busy.map((i) => {
                const speed = speedOf(i);
                return (
                  <tr className="govuk-table__row" key={i.start}>
                    <th scope="row" className="govuk-table__header">
                      {labels[report.intervals.indexOf(i)]}
                    </th>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{i.figures.offered}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{i.figures.answered}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{i.figures.abandoned}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{i.figures.answeredWithinTarget}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{speed === null ? 'None answered' : formatWait(speed)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
      <HandlerTable handlers={handlers} />
      <h2 className="govuk-heading-m">Download</h2>
      <ul className="govuk-list">
        <li>
          <a className="govuk-link" href={contactsCsv(channel, period)} download data-testid="contacts-csv">
            Download CSV of {CHANNEL_NAMES[channel].toLowerCase()} contacts, every 15 minutes
          </a>
        </li>
        <li>
          <a className="govuk-link" href={handlersCsv(period)} download data-testid="handlers-csv">
            Download CSV of handlers’ time
          </a>
        </li>
      </ul>
    </section>
  );
}

/** "3 hours 20 minutes"; under a minute in seconds. */
export function formatSpan(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} seconds`;
  return formatWait(seconds).includes(':') ? `${Math.floor(seconds / 60)} minutes` : formatWait(seconds);
}

function HandlerTable({ handlers }: { handlers: HandlerReport }) {
  return (
    <>
      <table className="govuk-table" data-testid="handler-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Handlers’ time</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {['Handler', 'Available', 'Busy', 'On contacts', 'Occupancy'].map((h, n) => (
              <th key={h} scope="col" className={`govuk-table__header${n ? ' govuk-table__header--numeric' : ''}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {handlers.handlers.length === 0 && (
            <tr className="govuk-table__row">
              <td className="govuk-table__cell" colSpan={5}>
                No handler was signed in during this period.
              </td>
            </tr>
          )}
          {handlers.handlers.map((h) => (
            <tr className="govuk-table__row" key={h.handler}>
              <th scope="row" className="govuk-table__header">
                {h.handler}
              </th>
              <td className="govuk-table__cell govuk-table__cell--numeric">{formatSpan(h.availableSeconds)}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{formatSpan(h.busySeconds)}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{formatSpan(h.onContactsSeconds)}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{Math.round(h.occupancy * 100)}%</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="govuk-body-s">Occupancy is time on contacts as a share of time available or busy.</p>
    </>
  );
}
