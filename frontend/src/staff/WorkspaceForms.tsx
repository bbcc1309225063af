import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { WarningText } from '../components/SummaryList';
import { Radios, Textarea, TextInput } from '../components/fields';
import { CATEGORIES } from '../citizen/report/model';
import { fieldErrors, formatDate, type FieldError } from '../lib/http';
import { useMe } from './StaffPages';
import {
  CHANNEL_NAMES,
  GRADES,
  THRIVE_PARTS,
  TRIAGE_MAX,
  close,
  getAvailability,
  getPossibleCases,
  recordAttempt,
  summarise,
  transfer,
  triage,
  type Availability,
  type Channel,
  type PossibleCase,
  type SummaryResult,
  type Triage,
} from './api';
import limits from '../api/limits.json';
import { draft, dropDraft, keepDraft } from './workspace/drafts';
import { getSkills, type Skill } from './staffing';

const MAX_SUMMARY = limits.SummaryRequest.summary;

/** The page keeps one error summary; each form's field ids carry its own prefix. */
export interface FormContext {
  contactId: string;
  errors: FieldError[];
  setErrors: (e: FieldError[]) => void;
}

/** What binds a text field to its form (useForm's field): spread onto a TextInput or a Textarea. */
export interface FormField {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}

export function useForm<T extends Record<string, string>>(
  ctx: Pick<FormContext, 'errors' | 'setErrors'> & { contactId?: string },
  prefix: string,
  initial: T,
) {
  // A contact's half-filled forms wait for the handler to come back from another contact.
  const key = ctx.contactId === undefined ? undefined : `${ctx.contactId}:${prefix}`;
  const [values, setValuesState] = useState<T>(() => draft(key, initial));
  const setValues = (change: (values: T) => T) =>
    setValuesState((x) => {
      const next = change(x);
      keepDraft(key, next);
      return next;
    });
  const [busy, setBusy] = useState(false);
  const set = (k: keyof T) => (v: string) => setValues((x) => ({ ...x, [k]: v }));
  const err = (k: keyof T) => ctx.errors.find((e) => e.field === `${prefix}-${String(k)}`)?.message;
  /** Client checks first, then the call; a 400's field errors land on this form's fields. */
  const submit = (checks: [boolean, keyof T, string][], call: () => Promise<void>) => async (event: FormEvent) => {
    event.preventDefault();
    const found = checks.filter(([bad]) => bad).map(([, k, message]) => ({ field: `${prefix}-${String(k)}`, message }));
    ctx.setErrors(found);
    if (found.length || busy) return;
    setBusy(true);
    try {
      await call();
    } catch (e) {
      ctx.setErrors(fieldErrors(e).map((x) => (x.field ? { ...x, field: `${prefix}-${x.field}` } : x)));
    } finally {
      setBusy(false);
    }
  };
  const reset = () => {
    setValuesState(initial);
    dropDraft(key);
  };
  const id = (k: keyof T) => `${prefix}-${String(k)}`;
  const field = (k: keyof T): FormField => ({ id: id(k), value: values[k], onChange: set(k), error: err(k) });
  return { values, set, err, submit, reset, id, field };
}

/** A titled part of a page; `level` 3 when the section sits under another h2 (the audit's "as it was" view). */
export function Section({ id, title, children, level = 2 }: { id: string; title: string; children: ReactNode; level?: 2 | 3 }) {
  const Heading = level === 3 ? 'h3' : 'h2';
  return (
    <section aria-labelledby={id} className="govuk-!-margin-bottom-8">
      <Heading className="govuk-heading-m" id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

export const Submit = ({ children }: { children: string }) => (
  <button type="submit" className="govuk-button">
    {children}
  </button>
);

export function TriageForm({ ctx }: { ctx: FormContext }) {
  const f = useForm(ctx, 'triage', {
    threat: '',
    harm: '',
    risk: '',
    investigation: '',
    vulnerability: '',
    engagement: '',
    grade: '',
    rationale: '',
  });
  const [result, setResult] = useState<{ grade: string; instruction?: string } | null>(null);
  const warning = useRef<HTMLDivElement>(null);
  // An IMMEDIATE grade needs acting on now: put the instruction where focus is.
  useEffect(() => warning.current?.focus(), [result]);
  const v = f.values;
  return (
    <Section id="triage-heading" title="Triage (THRIVE)">
      {result?.instruction && (
        <WarningText testId="instruction" alertRef={warning}>
          {result.instruction}
        </WarningText>
      )}
      {result && !result.instruction && (
        <p className="govuk-body" role="status">
          Triage saved: {GRADES.find((g) => g.value === result.grade)?.label ?? result.grade}.
        </p>
      )}
      <form
        noValidate
        onSubmit={f.submit(
          [
            [!v.grade, 'grade', 'Select a grade'],
            [!v.rationale.trim(), 'rationale', 'Enter the rationale for the grade'],
          ],
          async () => setResult(await triage(ctx.contactId, v as unknown as Triage)),
        )}
      >
        {THRIVE_PARTS.map(({ value: k, label }) => (
          <Textarea {...f.field(k)} key={k} label={label} maxLength={TRIAGE_MAX[k as keyof typeof TRIAGE_MAX]} rows={3} small />
        ))}
        <Radios name={f.id('grade')} legend="Grade" options={GRADES} value={v.grade} onChange={f.set('grade')} error={f.err('grade')} />
        <Textarea {...f.field('rationale')} label="Rationale" maxLength={TRIAGE_MAX.rationale} rows={3} small />
        <Submit>Save triage</Submit>
      </form>
    </Section>
  );
}

const NEW_CASE = 'new';
const OTHER_CASE = 'other';

/**
 * One case per matter: a contact already in a case saves its summary there; otherwise the
 * handler chooses a new case, a recent case of someone who gave the same details, or another.
 */
export function SummaryForm({ ctx, caseReference, channel }: { ctx: FormContext; caseReference?: string | null; channel: string }) {
  const f = useForm(ctx, 'summary', { category: '', summary: '', which: NEW_CASE, caseReference: '' });
  const [result, setResult] = useState<SummaryResult | null>(null);
  const [possible, setPossible] = useState<PossibleCase[]>([]);
  useEffect(() => {
    if (!caseReference) getPossibleCases(ctx.contactId).then(setPossible, () => setPossible([]));
  }, [ctx.contactId, caseReference]);
  const v = f.values;
  const chosen = caseReference || (v.which === OTHER_CASE ? v.caseReference.trim() : v.which === NEW_CASE ? '' : v.which);
  if (result)
    return (
      <Section id="summary-heading" title="Summary">
        <div className="govuk-inset-text" data-testid="summary-result" role="status">
          <p className="govuk-body">
            {result.joined ? 'Saved to case ' : 'New case '}
            <Link className="govuk-link" to={`/staff/cases/${encodeURIComponent(result.reference)}`}>
              {result.reference}
            </Link>
          </p>
          {result.trackingCode && (
            <p className="govuk-body">
              Read the tracking code to the caller now: <br />
              <strong className="app-tracking-code">{result.trackingCode}</strong>
            </p>
          )}
          {result.sentToCitizen && (
            <p className="govuk-body">The citizen has been given the reference and tracking code in the chat. Only they can see the code.</p>
          )}
        </div>
        {result.trackingCode && <p className="govuk-body">The tracking code is shown only once.</p>}
      </Section>
    );
  const options = [
    {
      value: NEW_CASE,
      label: 'Open a new case',
      hint: channel === 'CHAT' ? 'The citizen is given its reference and tracking code in the chat' : undefined,
    },
    ...possible.map((c) => ({
      value: c.reference,
      label: `${c.reference}: ${c.categoryLabel}, ${c.statusLabel.toLowerCase()}`,
      hint: `Opened ${formatDate(c.openedAt)}. Same ${c.sharing.join(' and ')}.`,
    })),
    {
      value: OTHER_CASE,
      label: 'Another case',
      conditional: (
        <TextInput {...f.field('caseReference')} label="Case reference" hint="For example, BL-2026-000123" width="govuk-input--width-20" />
      ),
    },
  ];
  return (
    <Section id="summary-heading" title="Summary">
      <form
        noValidate
        onSubmit={f.submit(
          [
            [!v.category, 'category', 'Select a category'],
            [!v.summary.trim(), 'summary', 'Enter a summary'],
            [!caseReference && v.which === OTHER_CASE && !v.caseReference.trim(), 'caseReference', 'Enter the case reference'],
          ],
          async () =>
            setResult(await summarise(ctx.contactId, { category: v.category, summary: v.summary.trim(), caseReference: chosen || undefined })),
        )}
      >
        <Radios
          name={f.id('category')}
          legend="Category"
          options={CATEGORIES}
          value={v.category}
          onChange={f.set('category')}
          error={f.err('category')}
        />
        <Textarea {...f.field('summary')} label="Summary" maxLength={MAX_SUMMARY} rows={4} small />
        {caseReference ? (
          <p className="govuk-body" data-testid="summary-case">
            This contact is part of case{' '}
            <Link className="govuk-link" to={`/staff/cases/${encodeURIComponent(caseReference)}`}>
              {caseReference}
            </Link>
            . The summary is saved there.
          </p>
        ) : (
          <>
            {possible.length > 0 && (
              <WarningText testId="possible-cases">
                {possible.length === 1 ? 'A recent case' : `${possible.length} recent cases`} may be about the same matter: check before you open a
                new one.
              </WarningText>
            )}
            <Radios
              name={f.id('which')}
              legend="Which case is it about?"
              legendSize="m"
              options={options}
              value={v.which}
              onChange={f.set('which')}
            />
          </>
        )}
        <Submit>Save summary</Submit>
      </form>
    </Section>
  );
}

/** To another handler, or back to the contact's own queue (the only queue the server takes it back to). */
const NO_SKILL = 'none';

export function TransferForm({ ctx, channel }: { ctx: FormContext; channel: string }) {
  const f = useForm(ctx, 'transfer', { to: '', note: '', skill: NO_SKILL });
  const [handlers, setHandlers] = useState<Availability[]>([]);
  const [skills, setSkills] = useState<Skill[]>([]);
  useEffect(() => {
    getSkills().then(setSkills, () => setSkills([]));
  }, []);
  const me = useMe();
  const navigate = useNavigate();
  useEffect(() => {
    getAvailability().then(
      (a) => setHandlers(a.filter((h) => h.handler !== me?.username)),
      () => setHandlers([]),
    );
  }, [me]);
  const options = [
    ...handlers.map((h) => ({ value: `handler:${h.handler}`, label: h.handler, hint: `${h.status.toLowerCase()}, ${h.activeContacts} open` })),
    { value: `channel:${channel}`, label: `Back to the ${CHANNEL_NAMES[channel as keyof typeof CHANNEL_NAMES] ?? channel} queue` },
  ];
  const v = f.values;
  return (
    <Section id="transfer-heading" title="Transfer">
      <form
        noValidate
        onSubmit={f.submit(
          [
            [!v.to, 'to', 'Select who to transfer to'],
            [!v.note.trim(), 'note', 'Enter a note for whoever picks it up'],
          ],
          async () => {
            const [kind, target] = v.to.split(':');
            const back = kind !== 'handler';
            await transfer(ctx.contactId, {
              ...(back ? { toChannel: target as Channel } : { toHandler: target }),
              ...(back && v.skill !== NO_SKILL ? { neededSkill: v.skill } : {}),
              note: v.note.trim(),
            });
            navigate('/staff/queue');
          },
        )}
      >
        <Radios name={f.id('to')} legend="Transfer to" options={options} value={v.to} onChange={f.set('to')} error={f.err('to')} />
        {v.to.startsWith('channel:') && skills.length > 0 && (
          <Radios
            name={f.id('skill')}
            legend="Does whoever answers next need a skill?"
            options={[{ value: NO_SKILL, label: 'No particular skill' }, ...skills.map((s) => ({ value: s.code, label: s.label }))]}
            value={v.skill}
            onChange={f.set('skill')}
            error={f.err('skill')}
          />
        )}
        <Textarea {...f.field('note')} label="Note" maxLength={2000} rows={3} small />
        <Submit>Transfer</Submit>
      </form>
    </Section>
  );
}

const OUTCOMES = [
  { value: 'RESOLVED', label: 'Resolved, no further action' },
  { value: 'CASE_OPENED', label: 'Case opened or updated' },
  { value: 'REFERRED', label: 'Referred to another team or agency' },
  { value: 'NO_CONTACT', label: 'Could not make contact' },
];

export function CloseForm({ ctx }: { ctx: FormContext }) {
  const f = useForm(ctx, 'close', { outcome: '' });
  const navigate = useNavigate();
  return (
    <Section id="close-heading" title="Close">
      <form
        noValidate
        onSubmit={f.submit([[!f.values.outcome, 'outcome', 'Select an outcome']], async () => {
          await close(ctx.contactId, f.values.outcome);
          navigate('/staff/queue');
        })}
      >
        <Radios
          name={f.id('outcome')}
          legend="Outcome"
          options={OUTCOMES}
          value={f.values.outcome}
          onChange={f.set('outcome')}
          error={f.err('outcome')}
        />
        <Submit>Close contact</Submit>
      </form>
    </Section>
  );
}

export function CallbackAttemptForm({ ctx }: { ctx: FormContext }) {
  const f = useForm(ctx, 'attempt', { outcome: '', retryAt: '', note: '' });
  const [done, setDone] = useState('');
  const v = f.values;
  const retry = v.retryAt ? new Date(v.retryAt) : null;
  return (
    <Section id="attempt-heading" title="Record a call attempt">
      {done && (
        <p className="govuk-body" role="status">
          {done}
        </p>
      )}
      <form
        noValidate
        onSubmit={f.submit(
          [
            [!v.outcome, 'outcome', 'Select whether you reached the caller'],
            [!!retry && (isNaN(retry.getTime()) || retry.getTime() < Date.now()), 'retryAt', 'Retry time must be in the future'],
          ],
          async () => {
            const noAnswer = v.outcome === 'NO_ANSWER';
            await recordAttempt(ctx.contactId, {
              outcome: v.outcome,
              retryAt: noAnswer && retry ? retry.toISOString() : undefined,
              note: v.note.trim(),
            });
            setDone(noAnswer && retry ? 'Attempt recorded. The call-back is back in the queue for then.' : 'Attempt recorded.');
          },
        )}
      >
        <Radios
          name={f.id('outcome')}
          legend="Outcome"
          options={[
            { value: 'REACHED', label: 'Reached the caller' },
            {
              value: 'NO_ANSWER',
              label: 'No answer',
              conditional: (
                <div className="govuk-form-group">
                  <label className="govuk-label" htmlFor={f.id('retryAt')}>
                    Try again at (optional)
                  </label>
                  <input
                    className="govuk-input govuk-input--width-20"
                    id={f.id('retryAt')}
                    type="datetime-local"
                    value={v.retryAt}
                    onChange={(e) => f.set('retryAt')(e.target.value)}
                  />
                </div>
              ),
            },
          ]}
          value={v.outcome}
          onChange={f.set('outcome')}
          error={f.err('outcome')}
        />
        <Textarea {...f.field('note')} label="Note" maxLength={2000} rows={3} small />
        <Submit>Record attempt</Submit>
      </form>
    </Section>
  );
}
