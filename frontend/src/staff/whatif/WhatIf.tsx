import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary';
import { DateInput, TextInput, type DateValue } from '../../components/fields';
import { fieldErrors, formatDate, HttpError, type FieldError } from '../../lib/http';
import { usePage } from '../../lib/page';
import { CHANNEL_NAMES, type Channel } from '../api';
import { formatWait } from '../queueState';
import { hourLabel, HOURS } from '../waitChartData';
import { replayDay, type WhatIfChannelPlan, type WhatIfFigures, type WhatIfResult } from './api';
import { WhatIfChart } from './WhatIfChart';
import { fieldId, targetWords, wholeNumber } from './whatIfChartData';

const CHANNELS = Object.keys(CHANNEL_NAMES) as Channel[];
const name = (c: Channel) => CHANNEL_NAMES[c] ?? c;

interface ChannelForm {
  handlerChange: string;
  handlers: string;
  capacity: string;
  byHour: string[];
}
const blank = (): ChannelForm => ({ handlerChange: '', handlers: '', capacity: '', byHour: HOURS.map(() => '') });

/** What the person typed as the server's plan, or the fields that are not whole numbers. */
function plans(form: Record<Channel, ChannelForm>): { plans: WhatIfChannelPlan[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const number = (value: string, field: string, what: string) => {
    const n = wholeNumber(value);
    if (n === 'invalid') errors.push({ field, message: `${what} must be a whole number` });
    return n === 'invalid' ? null : n;
  };
  const out = CHANNELS.flatMap((c) => {
    const f = form[c];
    const plan: WhatIfChannelPlan = {
      channel: c,
      handlerChange: number(f.handlerChange, `whatif-${c}-handlerChange`, `${name(c)}: handlers more or fewer`),
      handlers: number(f.handlers, `whatif-${c}-handlers`, `${name(c)}: handlers all day`),
      capacity: number(f.capacity, `whatif-${c}-capacity`, `${name(c)}: contacts at once`),
    };
    const byHour = f.byHour.map((v, h) => number(v, `whatif-${c}-handlersByHour-${h}`, `${name(c)}: handlers from ${hourLabel(h)}`));
    if (byHour.some((n) => n !== null)) plan.handlersByHour = byHour;
    const given = Object.entries(plan).some(([k, v]) => k !== 'channel' && v !== null && v !== undefined);
    return given ? [plan] : [];
  });
  return { plans: out, errors };
}

/** A supervisor replays a past day's real contacts with another plan, beside what happened. */
export function WhatIfPage() {
  const h1 = usePage('What if: replay a past day');
  const [date, setDate] = useState<DateValue>({ day: '', month: '', year: '' });
  const [form, setForm] = useState(() => Object.fromEntries(CHANNELS.map((c) => [c, blank()])) as Record<Channel, ChannelForm>);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [result, setResult] = useState<WhatIfResult | null>(null);
  const [busy, setBusy] = useState(false);
  const errorOf = (id: string) => errors.find((e) => e.field === id)?.message;
  const set = (c: Channel, change: Partial<ChannelForm>) => setForm((f) => ({ ...f, [c]: { ...f[c], ...change } }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const typed = plans(form);
    const parts = [date.year, date.month, date.day].map((p) => p.trim());
    const dayErrors: FieldError[] = parts.some((p) => !/^\d{1,4}$/.test(p))
      ? [{ field: 'whatif-date-day', message: parts.every((p) => !p) ? 'Enter the day to replay' : 'The day to replay must be a real date' }]
      : [];
    if (dayErrors.length || typed.errors.length) return setErrors([...dayErrors, ...typed.errors]);
    const iso = `${parts[0].padStart(4, '0')}-${parts[1].padStart(2, '0')}-${parts[2].padStart(2, '0')}`;
    setBusy(true);
    replayDay({ date: iso, channels: typed.plans })
      .then(
        (r) => (setResult(r), setErrors([])),
        (e) => {
          setResult(null);
          if (e instanceof HttpError && e.status === 403) return setErrors([{ field: '', message: 'You need the supervisor role to replay a day.' }]);
          setErrors(fieldErrors(e).map((x) => ({ ...x, field: fieldId(x.field) })));
        },
      )
      .finally(() => setBusy(false));
  };

  return (
    <>
      <Link to="/staff/supervisor" className="govuk-back-link">
        Back to the supervisor dashboard
      </Link>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        What if: replay a past day
      </h1>
      <p className="govuk-body">
        Replay a day’s real contacts with a different number of handlers, and see what waits and abandonment would have been. Leave a box blank to
        keep it as it was on the day. Nothing is saved.
      </p>
      <form noValidate onSubmit={submit} data-testid="whatif-form">
        <DateInput
          id="whatif-date"
          legend="Day to replay"
          hint="Today or a day in the past, for example 27 3 2026"
          value={date}
          onChange={setDate}
          error={errorOf('whatif-date-day')}
        />
        {CHANNELS.map((c) => (
          <ChannelFields key={c} channel={c} form={form[c]} onChange={(change) => set(c, change)} errorOf={errorOf} />
        ))}
        <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
          Replay the day
        </button>
      </form>
      {result && <Results result={result} />}
    </>
  );
}

interface ChannelFieldsProps {
  channel: Channel;
  form: ChannelForm;
  onChange: (change: Partial<ChannelForm>) => void;
  errorOf: (id: string) => string | undefined;
}

function ChannelFields({ channel: c, form, onChange, errorOf }: ChannelFieldsProps) {
  const hourError = HOURS.some((h) => errorOf(`whatif-${c}-handlersByHour-${h}`));
  return (
    <fieldset className="govuk-fieldset govuk-!-margin-bottom-6">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{name(c)}</legend>
      <TextInput
        id={`whatif-${c}-handlerChange`}
        label="Handlers more or fewer than on the day"
        hint="For example, 1 for one more at every moment, or -1 for one fewer"
        value={form.handlerChange}
        onChange={(handlerChange) => onChange({ handlerChange })}
        error={errorOf(`whatif-${c}-handlerChange`)}
        width="govuk-input--width-10"
      />
      <TextInput
        id={`whatif-${c}-handlers`}
        label="Handlers all day"
        hint="Instead of the handlers on duty on the day"
        value={form.handlers}
        onChange={(handlers) => onChange({ handlers })}
        error={errorOf(`whatif-${c}-handlers`)}
        width="govuk-input--width-10"
      />
      <TextInput
        id={`whatif-${c}-capacity`}
        label="Contacts each handler works at once"
        hint="Leave blank for the force’s setting"
        value={form.capacity}
        onChange={(capacity) => onChange({ capacity })}
        error={errorOf(`whatif-${c}-capacity`)}
        width="govuk-input--width-10"
      />
      <details className="govuk-details" open={hourError || form.byHour.some((v) => v.trim()) || undefined}>
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Handlers by hour ({name(c)})</span>
        </summary>
        <div className="govuk-details__text">
          {HOURS.map((h) => (
            <TextInput
              key={h}
              id={`whatif-${c}-handlersByHour-${h}`}
              label={`From ${hourLabel(h)} to ${hourLabel((h + 1) % 24)}`}
              value={form.byHour[h]}
              onChange={(v) => onChange({ byHour: form.byHour.map((old, i) => (i === h ? v : old)) })}
              error={errorOf(`whatif-${c}-handlersByHour-${h}`)}
              width="govuk-input--width-10"
            />
          ))}
        </div>
      </details>
    </fieldset>
  );
}

const ROWS: [string, (f: WhatIfFigures) => string][] = [
  ['Contacts', (f) => `${f.offered}`],
  ['Answered', (f) => `${f.answered}`],
  ['Average speed of answer', (f) => formatWait(f.averageSpeedOfAnswerSeconds)],
  ['Average wait of all contacts, answered or not', (f) => formatWait(f.averageWaitSeconds)],
  ['Answered within target', (f) => `${f.answeredWithinTargetPercent}%`],
  ['Abandoned', (f) => `${f.abandoned} (${f.abandonedPercent}%)`],
  ['Longest wait', (f) => formatWait(f.longestWaitSeconds)],
  ['Still waiting at the end', (f) => `${f.stillWaiting}`],
];

function Results({ result }: { result: WhatIfResult }) {
  const busy = result.channels.filter((c) => c.actual.offered > 0);
  const [charted, setCharted] = useState<Channel>(busy[0]?.channel ?? 'PHONE');
  return (
    <section aria-labelledby="whatif-results" data-testid="whatif-results">
      <h2 className="govuk-heading-l" id="whatif-results" tabIndex={-1}>
        {formatDate(`${result.date}T12:00:00Z`)}: on the day and with your plan
      </h2>
      <p className="govuk-body">
        “Replayed as staffed” is the replay with the handlers who were on duty: compare your plan with it, as it shows how close the replay comes to
        the day.
      </p>
      {busy.length === 0 && <p className="govuk-body">No contacts were offered on this day.</p>}
      {busy.map((c) => (
        <table className="govuk-table" key={c.channel} data-testid="whatif-channel">
          <caption className="govuk-table__caption govuk-table__caption--m">{name(c.channel)}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {['Figure', 'On the day', 'Replayed as staffed', 'With your plan'].map((h) => (
                <th scope="col" className="govuk-table__header" key={h}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            <tr className="govuk-table__row" data-testid="whatif-handler-time">
              <th scope="row" className="govuk-table__header">
                Handlers’ time on duty
              </th>
              {[c.handlerSecondsOnTheDay, c.handlerSecondsOnTheDay, c.handlerSecondsInScenario].map((s, i) => (
                <td className="govuk-table__cell" key={i} data-seconds={s}>
                  {formatWait(s)}
                </td>
              ))}
            </tr>
            {ROWS.map(([label, show]) => (
              <tr className="govuk-table__row" key={label}>
                <th scope="row" className="govuk-table__header">
                  {label === 'Answered within target' ? `Answered within ${targetWords(c.targetSeconds)} (of all contacts)` : label}
                </th>
                <td className="govuk-table__cell">{show(c.actual)}</td>
                <td className="govuk-table__cell">{show(c.asStaffed)}</td>
                <td className="govuk-table__cell">{show(c.scenario)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      {busy.length > 0 && (
        <>
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="whatif-chart-channel">
              Channel to chart by hour
            </label>
            <select className="govuk-select" id="whatif-chart-channel" value={charted} onChange={(e) => setCharted(e.target.value as Channel)}>
              {busy.map((c) => (
                <option key={c.channel} value={c.channel}>
                  {name(c.channel)}
                </option>
              ))}
            </select>
          </div>
          <WhatIfChart hours={result.hours} channel={charted} />
        </>
      )}
    </section>
  );
}
