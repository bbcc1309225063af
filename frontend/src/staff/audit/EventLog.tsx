import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { ErrorMessage } from '../../components/fields';
import { type FieldError } from '../../lib/http';
import { usePage } from '../../lib/page';
import { getEvents, getEventTypes, type Entry } from './auditApi';
import { EVENT_CHANNELS, filterErrors, formatNumber, NO_FILTERS, type EventFilters } from './auditLogic';
import { EventTable } from './EventTable';
import { AuditPageTop } from './AuditParts';
import { useAccessReason } from '../accessReason';
import { ReasonForm } from '../ReasonForm';

const PAGE_SIZE = 50;
const SERVICE_ERROR = 'Sorry, the events could not be loaded. Try again.';

/** The whole event log, newest first, filtered and paged backwards with `nextBefore`. */
export function EventLogPage() {
  const [form, setForm] = useState<EventFilters>(NO_FILTERS);
  const [applied, setApplied] = useState<EventFilters>(NO_FILTERS);
  const [types, setTypes] = useState<string[]>([]);
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const h1 = usePage('Event log', errors.length > 0);
  // Every page is logged against the people on it: asked once (428), then sent with each page.
  const access = useAccessReason('event-log');
  const [waiting, setWaiting] = useState<(() => Promise<void>) | null>(null);

  const fetchPage = async (filters: EventFilters, before: number | null, retry: () => Promise<void>) => {
    setBusy(true);
    try {
      const page = await access.guarded((headers) => getEvents(filters, before, PAGE_SIZE, headers));
      if (!page) {
        setWaiting(() => retry);
        return null;
      }
      setWaiting(null);
      setErrors([]);
      setNextBefore(page.nextBefore ?? null);
      return page.entries;
    } catch {
      setErrors([{ field: '', message: SERVICE_ERROR }]);
      return null;
    } finally {
      setBusy(false);
    }
  };
  const search = async (filters: EventFilters) => {
    const found = await fetchPage(filters, null, () => search(filters));
    if (!found) return;
    setApplied(filters);
    setEntries(found);
    setStatus(`${formatNumber(found.length)} event${found.length === 1 ? '' : 's'} found`);
  };
  const older = async () => {
    const found = await fetchPage(applied, nextBefore, older);
    if (!found) return;
    setEntries((e) => [...(e ?? []), ...found]);
    setStatus(`${formatNumber(found.length)} older event${found.length === 1 ? '' : 's'} added`);
  };

  useEffect(() => {
    getEventTypes().then(
      (t) => setTypes([...t].sort()),
      () => setTypes([]),
    );
    search(NO_FILTERS);
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = filterErrors(form);
    setErrors(problems);
    if (!problems.length) search(form);
  };
  const set = (k: keyof EventFilters) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const err = (id: string) => errors.find((e) => e.field === id)?.message;

  return (
    <>
      <AuditPageTop h1={h1} errors={errors}>
        Event log
      </AuditPageTop>
      {access.prompt && (
        <ReasonForm
          prefix="log"
          question="Why are you reading the event log?"
          errors={errors}
          setErrors={setErrors}
          prompt={access.prompt}
          onReason={async (reason) => {
            access.setReason(reason);
            await waiting?.();
          }}
        />
      )}
      {!access.prompt && (
        <form noValidate onSubmit={submit} role="search" aria-label="Filter events">
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-one-third">
              <Field id="log-from" label="From" hint="Date and time, in this computer's time zone" error={err('log-from')}>
                {(p) => <input {...p} type="datetime-local" value={form.from} onChange={(e) => set('from')(e.target.value)} />}
              </Field>
              <Field id="log-to" label="To" hint="Date and time, in this computer's time zone" error={err('log-to')}>
                {(p) => <input {...p} type="datetime-local" value={form.to} onChange={(e) => set('to')(e.target.value)} />}
              </Field>
            </div>
            <div className="govuk-grid-column-one-third">
              <Field id="log-type" label="Event type" select>
                {(p) => (
                  <select {...p} value={form.type} onChange={(e) => set('type')(e.target.value)}>
                    <option value="">Any type</option>
                    {types.map((t) => (
                      <option key={t} value={t}>
                        {t}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field id="log-channel" label="Channel" select>
                {(p) => (
                  <select {...p} value={form.channel} onChange={(e) => set('channel')(e.target.value)}>
                    <option value="">Any channel</option>
                    {EVENT_CHANNELS.map((c) => (
                      <option key={c.value} value={c.value}>
                        {c.label}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
            <div className="govuk-grid-column-one-third">
              <Field id="log-actor" label="Actor" hint="For example, staff:handler or citizen">
                {(p) => (
                  <input {...p} type="text" spellCheck={false} autoComplete="off" value={form.actor} onChange={(e) => set('actor')(e.target.value)} />
                )}
              </Field>
              <Field id="log-case" label="Case reference" hint="For example, BL-2026-000123">
                {(p) => (
                  <input {...p} type="text" spellCheck={false} autoComplete="off" value={form.case} onChange={(e) => set('case')(e.target.value)} />
                )}
              </Field>
            </div>
          </div>
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
              Search events
            </button>
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              onClick={() => {
                setForm(NO_FILTERS);
                setErrors([]);
                search(NO_FILTERS);
              }}
            >
              Clear filters
            </button>
          </div>
        </form>
      )}
      <p className="govuk-body" role="status" data-testid="log-status">
        {status}
      </p>
      {entries === null && errors.length === 0 && !access.prompt && <p className="govuk-body">Loading…</p>}
      {entries && entries.length === 0 && <p className="govuk-body">No events match these filters.</p>}
      {entries && entries.length > 0 && (
        <>
          <EventTable entries={entries} caption={`${formatNumber(entries.length)} events, newest first`} testId="event-log" />
          {nextBefore !== null && (
            <button type="button" className="govuk-button govuk-button--secondary" onClick={older} disabled={busy} aria-disabled={busy}>
              Older events
            </button>
          )}
        </>
      )}
    </>
  );
}

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  select?: boolean;
  children: (p: { id: string; name: string; className: string; 'aria-describedby'?: string }) => ReactNode;
}

/** A GOV.UK form group around any one control: label, hint, error, and the control's ids and classes. */
function Field({ id, label, hint, error, select, children }: FieldProps) {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const base = select ? 'govuk-select' : 'govuk-input';
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      )}
      <ErrorMessage id={`${id}-error`} message={error} />
      {children({ id, name: id, className: `${base}${error ? ` ${base}--error` : ''}`, 'aria-describedby': describedBy })}
    </div>
  );
}
