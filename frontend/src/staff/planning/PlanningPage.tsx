import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SuccessBanner } from '../../components/SuccessBanner';
import { fieldErrors, HttpError, type FieldError } from '../../lib/http';
import { usePage } from '../../lib/page';
import { CHANNEL_NAMES } from '../api';
import { getForecast, getStaffing, savePlan, type DemandForecast, type StaffingDay, type StaffingPlanRequest } from './api';
import { LineChart, type Line } from './LineChart';
import {
  accuracyText,
  biasText,
  DAY_NAMES,
  DAYS,
  duration,
  gapText,
  hourLabel,
  methodText,
  modelText,
  percent,
  signedInText,
  whole,
} from './planningText';

const LOOK: Record<string, { colour: string; dash: number[] }> = {
  WEB: { colour: '#1d70b8', dash: [] },
  CHAT: { colour: '#0f7a52', dash: [8, 4] },
  PHONE: { colour: '#ca3535', dash: [2, 3] },
  CALLBACK: { colour: '#54319f', dash: [12, 3, 2, 3] },
};
const dateLabel = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
const longDate = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const addDays = (iso: string, n: number) => new Date(asDate(iso).getTime() + n * 86400000).toISOString().slice(0, 10);

// On a phone each table scrolls within itself (styles.scss), so each takes keyboard focus to be scrolled.

/** Supervisors see the demand forecast and how good it has been, the handlers it needs, the plan and the gap. */
export function PlanningPage() {
  const [errors, setErrors] = useState<FieldError[]>([]);
  const h1 = usePage('Planning', errors.length > 0);
  const [forecast, setForecast] = useState<DemandForecast | null>(null);
  const [failed, setFailed] = useState<'' | 'forbidden' | 'down'>('');
  const [date, setDate] = useState('');
  const [staffing, setStaffing] = useState<StaffingDay | null>(null);
  const [done, setDone] = useState('');
  const fail = (e: unknown) => setFailed(e instanceof HttpError && e.status === 403 ? 'forbidden' : 'down');
  useEffect(() => {
    getForecast().then((f) => (setForecast(f), setDate(f.from)), fail);
  }, []);
  useEffect(() => {
    if (date) getStaffing(date).then(setStaffing, (e) => (fieldErrors(e).length ? setErrors(fieldErrors(e)) : fail(e)));
  }, [date]);

  return (
    <>
      <Link to="/staff/supervisor" className="govuk-back-link">
        Back to the supervisor dashboard
      </Link>
      <ErrorSummary errors={errors} />
      <SuccessBanner message={done} testId="plan-done" />
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Planning
      </h1>
      {failed === 'forbidden' && <p className="govuk-body">You need the supervisor role to see this page.</p>}
      {failed === 'down' && <p className="govuk-error-message">The planning figures could not be loaded. Reload the page to try again.</p>}
      {!failed && !forecast && <p className="govuk-body">Loading…</p>}
      {forecast && <Forecast forecast={forecast} />}
      {forecast && (
        <Staffing
          from={forecast.from}
          date={date}
          onDate={(d) => (setErrors([]), setDate(d))}
          staffing={staffing}
          onPlanned={(message) => {
            setErrors([]);
            setDone(message);
            getStaffing(date).then(setStaffing, fail);
          }}
          onErrors={(e) => (setDone(''), setErrors(e))}
          errors={errors}
        />
      )}
    </>
  );
}

function Forecast({ forecast }: { forecast: DemandForecast }) {
  const labels = useMemo(() => forecast.channels[0]?.days.map((d) => dateLabel.format(asDate(d.date))) ?? [], [forecast]);
  const lines: Line[] = useMemo(
    () =>
      forecast.channels.map((c) => ({
        key: c.channel.toLowerCase(),
        label: CHANNEL_NAMES[c.channel] ?? 'Queue',
        colour: LOOK[c.channel]?.colour ?? '#0b0c0c',
        dash: LOOK[c.channel]?.dash ?? [],
        values: c.days.map((d) => d.contacts),
      })),
    [forecast],
  );
  const littleHistory = forecast.channels.some((c) => c.method !== 'SEASONAL_TREND');
  return (
    <section aria-labelledby="forecast-heading">
      <h2 className="govuk-heading-m" id="forecast-heading">
        Contacts expected in the next four weeks
      </h2>
      {littleHistory && (
        <div className="govuk-inset-text" data-testid="forecast-fallback">
          Some queues have under 2 weeks of history, so their forecast repeats the same day last week, or expects nothing where there is no history at
          all. The forecast learns the weekly pattern and trend once 2 weeks have been recorded.
        </div>
      )}
      <table className="govuk-table" data-testid="forecast-accuracy" tabIndex={0}>
        <caption className="govuk-table__caption govuk-table__caption--s">How each forecast is made and how far out it was when tested</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {['Queue', 'Method', 'History', 'Tested on weeks held back', 'Leaning'].map((h) => (
              <th scope="col" className="govuk-table__header" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {forecast.channels.map((c) => (
            <tr className="govuk-table__row" key={c.channel}>
              <th scope="row" className="govuk-table__header">
                {CHANNEL_NAMES[c.channel] ?? 'Queue'}
              </th>
              <td className="govuk-table__cell">{methodText(c.method)}</td>
              <td className="govuk-table__cell">{c.historyDays === 1 ? '1 day' : `${c.historyDays} days`}</td>
              <td className="govuk-table__cell">{accuracyText(c)}</td>
              <td className="govuk-table__cell">{biasText(c)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="govuk-body-s">
        “Out” is the weighted absolute percentage error: every quarter hour’s miss added up, over all the contacts that came.
      </p>
      <LineChart
        labels={labels}
        lines={lines}
        testId="forecast-chart"
        description="Line chart of contacts expected each day for the next four weeks, one line per queue; the same figures are in the table below."
      />
      <div>
        <table className="govuk-table" data-testid="forecast-table" tabIndex={0}>
          <caption className="govuk-table__caption govuk-table__caption--s">Contacts expected each day</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Day
              </th>
              {forecast.channels.map((c) => (
                <th scope="col" className="govuk-table__header govuk-table__header--numeric" key={c.channel}>
                  {CHANNEL_NAMES[c.channel] ?? 'Queue'}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {labels.map((label, i) => (
              <tr className="govuk-table__row" key={label}>
                <th scope="row" className="govuk-table__header">
                  {label}
                </th>
                {forecast.channels.map((c) => (
                  <td className="govuk-table__cell govuk-table__cell--numeric" key={c.channel}>
                    {whole(c.days[i]?.contacts ?? 0)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

interface StaffingProps {
  from: string;
  date: string;
  onDate: (date: string) => void;
  staffing: StaffingDay | null;
  onPlanned: (message: string) => void;
  onErrors: (errors: FieldError[]) => void;
  errors: FieldError[];
}

function Staffing({ from, date, onDate, staffing, onPlanned, onErrors, errors }: StaffingProps) {
  const [chosen, setChosen] = useState(date);
  useEffect(() => setChosen(date), [date]);
  const days = useMemo(() => Array.from({ length: 56 }, (_, i) => addDays(from, i - 28)), [from]);
  const hours = staffing?.hours ?? [];
  const lines: Line[] = useMemo(
    () => [
      { key: 'needed', label: 'Needed on the rota', colour: '#ca3535', dash: [], values: hours.map((h) => h.neededOnRota), stepped: true },
      { key: 'planned', label: 'Planned', colour: '#1d70b8', dash: [8, 4], values: hours.map((h) => h.planned ?? null), stepped: true },
      { key: 'signed-in', label: 'Signed in', colour: '#0f7a52', dash: [2, 3], values: hours.map((h) => h.available ?? null) },
    ],
    [hours],
  );
  const show = (event: FormEvent) => {
    event.preventDefault();
    onDate(chosen);
  };
  return (
    <section aria-labelledby="staffing-heading">
      <h2 className="govuk-heading-m" id="staffing-heading">
        Handlers needed, planned and signed in
      </h2>
      <form noValidate onSubmit={show} className="govuk-!-margin-bottom-6">
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="staffing-date">
            Day
          </label>
          <select className="govuk-select" id="staffing-date" value={chosen} onChange={(e) => setChosen(e.target.value)}>
            {days.map((d) => (
              <option value={d} key={d}>
                {longDate.format(asDate(d))}
                {d < from ? ' (as it came)' : d === from ? ' (today, forecast)' : ' (forecast)'}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary">
          Show this day
        </button>
      </form>
      {!staffing ? (
        <p className="govuk-body">Loading…</p>
      ) : (
        <>
          <p className="govuk-body">
            {longDate.format(asDate(staffing.date))}:{' '}
            {staffing.forecast ? 'handlers needed for the contacts forecast' : 'handlers the contacts that came needed'}. The rota allows{' '}
            {percent(staffing.shrinkage)} for breaks, training and absence; a chat handler takes {staffing.chatConcurrency} chats at once. Each hour
            needs what its busiest quarter hour needs.
          </p>
          <Assumptions staffing={staffing} />
          <LineChart
            labels={hours.map((h) => h.time)}
            lines={lines}
            testId="gap-chart"
            description="Line chart of handlers needed on the rota, planned and signed in for each hour of the day; the same figures are in the table below."
          />
          <div>
            <table className="govuk-table" data-testid="gap-table" tabIndex={0}>
              <caption className="govuk-table__caption govuk-table__caption--s">Handlers by hour</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  {['Hour', 'Contacts', 'Needed on duty', 'Needed on the rota', 'Planned', 'Signed in', 'Gap'].map((h, i) => (
                    <th scope="col" className={`govuk-table__header${i > 0 && i < 6 ? ' govuk-table__header--numeric' : ''}`} key={h}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {hours.map((h) => (
                  <tr className="govuk-table__row" key={h.start} data-hour={h.time}>
                    <th scope="row" className="govuk-table__header">
                      {h.time}
                    </th>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{whole(h.contacts)}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{h.needed}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{h.neededOnRota}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{h.planned ?? 'Not planned'}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{signedInText(h)}</td>
                    <td className="govuk-table__cell">{gapText(h)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <PlanForm defaultDay={staffing?.date ?? from} onPlanned={onPlanned} onErrors={onErrors} errors={errors} />
    </section>
  );
}

function Assumptions({ staffing }: { staffing: StaffingDay }) {
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Targets and assumptions for each queue</span>
      </summary>
      <div className="govuk-details__text">
        <ul className="govuk-list govuk-list--bullet">
          {staffing.assumptions.map((a) => (
            <li key={a.channel}>
              {CHANNEL_NAMES[a.channel] ?? 'Queue'}: {modelText(a.model)}
              {a.model !== 'WORKLOAD' && `, ${percent(a.serviceLevel)} answered within ${duration(a.answerWithinSeconds)}`}; handle time{' '}
              {duration(a.handleSeconds)} ({a.handleFromHistory ? 'from the last 4 weeks' : 'the setting: too little history'})
              {a.patienceSeconds != null &&
                `; people wait ${duration(a.patienceSeconds)} on average before leaving (${a.patienceFromHistory ? 'from the last 4 weeks' : 'the setting: too little history'})`}
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}

function PlanForm({
  defaultDay,
  onPlanned,
  onErrors,
  errors,
}: {
  defaultDay: string;
  onPlanned: (message: string) => void;
  onErrors: (errors: FieldError[]) => void;
  errors: FieldError[];
}) {
  const weekday = DAYS[(asDate(defaultDay).getUTCDay() + 6) % 7];
  const [day, setDay] = useState<string>(weekday);
  const [fromHour, setFromHour] = useState('9');
  const [toHour, setToHour] = useState('10');
  const [handlers, setHandlers] = useState('');
  useEffect(() => setDay(weekday), [weekday]);
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const count = handlers.trim();
    if (!/^\d{1,3}$/.test(count)) return onErrors([{ field: 'handlers', message: 'Enter the number of handlers, from 0 to 999' }]);
    const plan: StaffingPlanRequest = {
      day: day as StaffingPlanRequest['day'],
      fromHour: Number(fromHour),
      toHour: Number(toHour),
      handlers: Number(count),
    };
    savePlan(plan).then(
      () =>
        onPlanned(
          `Planned ${plan.handlers} handler${plan.handlers === 1 ? '' : 's'} on ${DAY_NAMES[day]}s from ${hourLabel(plan.fromHour)} to ${hourLabel(plan.toHour)}`,
        ),
      (e) => onErrors(fieldErrors(e).length ? fieldErrors(e) : [{ field: 'handlers', message: 'The plan could not be saved. Try again.' }]),
    );
  };
  const select = (id: string, label: string, value: string, onChange: (v: string) => void, options: [string, string][]) => (
    <div className={`govuk-form-group${errorOf(id) ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      {errorOf(id) && (
        <p id={`${id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {errorOf(id)}
        </p>
      )}
      <select
        className={`govuk-select${errorOf(id) ? ' govuk-select--error' : ''}`}
        id={id}
        value={value}
        aria-describedby={errorOf(id) ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map(([v, l]) => (
          <option value={v} key={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
  const hours = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i): [string, string] => [String(from + i), hourLabel(from + i)]);
  return (
    <form noValidate onSubmit={submit} data-testid="plan-form">
      <h3 className="govuk-heading-s">Plan handlers for a typical week</h3>
      <p className="govuk-body">The plan is the handlers on the rota for that weekday and hour, every week, until it is changed.</p>
      {select(
        'day',
        'Day of the week',
        day,
        setDay,
        DAYS.map((d) => [d, DAY_NAMES[d]]),
      )}
      {select('fromHour', 'From', fromHour, setFromHour, hours(0, 23))}
      {select('toHour', 'Until', toHour, setToHour, hours(1, 24))}
      <div className={`govuk-form-group${errorOf('handlers') ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label" htmlFor="handlers">
          Handlers on the rota
        </label>
        {errorOf('handlers') && (
          <p id="handlers-error" className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {errorOf('handlers')}
          </p>
        )}
        <input
          className={`govuk-input govuk-input--width-3${errorOf('handlers') ? ' govuk-input--error' : ''}`}
          id="handlers"
          name="handlers"
          inputMode="numeric"
          value={handlers}
          aria-describedby={errorOf('handlers') ? 'handlers-error' : undefined}
          onChange={(e) => setHandlers(e.target.value)}
        />
      </div>
      <button type="submit" className="govuk-button" data-module="govuk-button">
        Save plan
      </button>
    </form>
  );
}
