import { useEffect, useState } from 'react';
import { Radios, Textarea, TextInput } from '../../components/fields';
import { getAvailability } from '../api';
import type { FieldError } from '../../lib/http';
import { Section, Submit, useForm, type FormField } from '../WorkspaceForms';
import { canReopen, decisionChecks, NEXT_STATUSES, statusChecks } from './caseLogic';
import { caseActions as act, type CaseDetail } from './casesApi';

export interface CaseCtx {
  reference: string;
  errors: FieldError[];
  setErrors: (e: FieldError[]) => void;
  /** Reloads the case and says what was done. */
  done: (message: string) => Promise<void>;
}

const text = (f: { field: (k: 'text') => FormField }, label: string, hint?: string) => (
  <Textarea {...f.field('text')} label={label} hint={hint} maxLength={2000} rows={3} small />
);

export function ReplyForm({ ctx }: { ctx: CaseCtx }) {
  const f = useForm(ctx, 'reply', { text: '' });
  return (
    <form
      noValidate
      onSubmit={f.submit([[!f.values.text.trim(), 'text', 'Enter a message']], async () => {
        await act.message(ctx.reference, f.values.text.trim());
        f.reset();
        await ctx.done('Message sent to the citizen');
      })}
    >
      {text(f, 'Reply to the citizen')}
      <Submit>Send message</Submit>
    </form>
  );
}

export function CaseActions({ c, ctx }: { c: CaseDetail; ctx: CaseCtx }) {
  return (
    <>
      <UpdateForm ctx={ctx} />
      <NoteForm ctx={ctx} />
      <StatusForm ctx={ctx} />
      {canReopen(c.status) && <ReopenForm ctx={ctx} />}
      {!c.crimeDecision?.decided && <DecisionForm ctx={ctx} />}
      <AssignForm ctx={ctx} c={c} />
      <EnhancedForm ctx={ctx} enhanced={c.enhancedRights} />
      <UnsafeToContactForm ctx={ctx} unsafe={c.unsafeToContact} />
    </>
  );
}

function UpdateForm({ ctx }: { ctx: CaseCtx }) {
  const f = useForm(ctx, 'update', { text: '', keyDecision: '' });
  const key = f.values.keyDecision === 'yes';
  return (
    <Section id="update-heading" title="Public update">
      <form
        noValidate
        onSubmit={f.submit([[!f.values.text.trim(), 'text', 'Enter the update for the citizen']], async () => {
          await act.update(ctx.reference, f.values.text.trim(), key);
          f.reset();
          await ctx.done('Public update posted');
        })}
      >
        {text(f, 'Update for the citizen', 'Sent by the way the citizen chose and shown on their tracking page.')}
        <div className="govuk-form-group">
          <div className="govuk-checkboxes govuk-checkboxes--small">
            <div className="govuk-checkboxes__item">
              <input
                className="govuk-checkboxes__input"
                id="update-keyDecision"
                type="checkbox"
                checked={key}
                onChange={(e) => f.set('keyDecision')(e.target.checked ? 'yes' : '')}
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor="update-keyDecision">
                This is a key decision
              </label>
            </div>
          </div>
        </div>
        <Submit>Post public update</Submit>
      </form>
    </Section>
  );
}

function NoteForm({ ctx }: { ctx: CaseCtx }) {
  const f = useForm(ctx, 'note', { text: '' });
  return (
    <Section id="note-heading" title="Internal note">
      <form
        noValidate
        onSubmit={f.submit([[!f.values.text.trim(), 'text', 'Enter the note']], async () => {
          await act.note(ctx.reference, f.values.text.trim());
          f.reset();
          await ctx.done('Internal note added');
        })}
      >
        {text(f, 'Note', 'Never shown to the citizen.')}
        <Submit>Add internal note</Submit>
      </form>
    </Section>
  );
}

function StatusForm({ ctx }: { ctx: CaseCtx }) {
  const f = useForm(ctx, 'status', { status: '', team: '', note: '' });
  const v = f.values;
  const team = <TextInput {...f.field('team')} label="Team referred to" />;
  const options = NEXT_STATUSES.map((s) => ({ ...s, conditional: s.value === 'REFERRED' ? team : undefined }));
  return (
    <Section id="status-heading" title="Change status">
      <form
        noValidate
        onSubmit={f.submit(statusChecks(v), async () => {
          await act.status(ctx.reference, {
            status: v.status,
            team: v.status === 'REFERRED' ? v.team.trim() : undefined,
            note: v.note.trim() || undefined,
          });
          f.reset();
          await ctx.done('Status changed');
        })}
      >
        <Radios
          name={f.id('status')}
          legend="New status"
          legendSize="m"
          options={options}
          value={v.status}
          onChange={f.set('status')}
          error={f.err('status')}
        />
        <Textarea {...f.field('note')} label="Note (optional)" maxLength={2000} rows={2} small />
        <Submit>Change status</Submit>
      </form>
    </Section>
  );
}

function ReopenForm({ ctx }: { ctx: CaseCtx }) {
  const f = useForm(ctx, 'reopen', { reason: '' });
  return (
    <Section id="reopen-heading" title="Reopen case">
      <form
        noValidate
        onSubmit={f.submit([[!f.values.reason.trim(), 'reason', 'Enter why the case is reopened']], async () => {
          await act.reopen(ctx.reference, f.values.reason.trim());
          f.reset();
          await ctx.done('Case reopened');
        })}
      >
        <Textarea {...f.field('reason')} label="Reason" maxLength={2000} rows={2} small />
        <Submit>Reopen case</Submit>
      </form>
    </Section>
  );
}

function DecisionForm({ ctx }: { ctx: CaseCtx }) {
  const f = useForm(ctx, 'decision', { recorded: '', crimeNumber: '', reason: '' });
  const v = f.values;
  const options = [
    {
      value: 'yes',
      label: 'Crime recorded',
      conditional: <TextInput {...f.field('crimeNumber')} label="Crime number" width="govuk-input--width-20" />,
    },
    {
      value: 'no',
      label: 'No crime recorded',
      conditional: <Textarea {...f.field('reason')} label="Reason" maxLength={2000} rows={2} small />,
    },
  ];
  return (
    <Section id="decision-heading" title="Crime-recording decision">
      <form
        noValidate
        onSubmit={f.submit(decisionChecks(v), async () => {
          const recorded = v.recorded === 'yes';
          await act.crimeDecision(ctx.reference, recorded ? { recorded, crimeNumber: v.crimeNumber.trim() } : { recorded, reason: v.reason.trim() });
          await ctx.done('Crime-recording decision saved');
        })}
      >
        <Radios
          name={f.id('recorded')}
          legend="Decision"
          legendSize="m"
          options={options}
          value={v.recorded}
          onChange={f.set('recorded')}
          error={f.err('recorded')}
        />
        <Submit>Save decision</Submit>
      </form>
    </Section>
  );
}

function AssignForm({ ctx, c }: { ctx: CaseCtx; c: CaseDetail }) {
  const f = useForm(ctx, 'assign', { handler: c.assignedTo ?? '', team: c.team ?? '' });
  const v = f.values;
  // Only people who are staff: the server refuses anyone else, so the form offers no one else.
  const [handlers, setHandlers] = useState<string[]>([]);
  useEffect(() => {
    getAvailability().then(
      (all) => setHandlers(all.map((h) => h.handler)),
      () => setHandlers([]),
    );
  }, []);
  const choices = [...new Set([...handlers, ...(c.assignedTo ? [c.assignedTo] : [])])].sort();
  const error = f.err('handler');
  return (
    <Section id="assign-heading" title="Assign">
      <form
        noValidate
        onSubmit={f.submit([[!v.handler.trim() && !v.team.trim(), 'handler', 'Enter a handler or a team']], async () => {
          await act.assign(ctx.reference, { handler: v.handler.trim() || undefined, team: v.team.trim() || undefined });
          await ctx.done('Case assigned');
        })}
      >
        <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label" htmlFor="assign-handler">
            Handler
          </label>
          <div id="assign-handler-hint" className="govuk-hint">
            Handlers who have signed in and set their availability
          </div>
          {error && (
            <p id="assign-handler-error" className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {error}
            </p>
          )}
          <select
            className={`govuk-select${error ? ' govuk-select--error' : ''}`}
            id="assign-handler"
            name="assign-handler"
            aria-describedby={`assign-handler-hint${error ? ' assign-handler-error' : ''}`}
            value={v.handler}
            onChange={(e) => f.set('handler')(e.target.value)}
          >
            <option value="">No one (a team only)</option>
            {choices.map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        </div>
        <TextInput {...f.field('team')} label="Team" width="govuk-input--width-20" />
        <Submit>Assign</Submit>
      </form>
    </Section>
  );
}

/** Issue 16: someone who harms the victim may see their messages, so nothing is sent unprompted. */
function UnsafeToContactForm({ ctx, unsafe }: { ctx: CaseCtx; unsafe: boolean }) {
  const f = useForm(ctx, 'unsafe', {});
  return (
    <Section id="unsafe-heading" title="Safe to contact">
      <p className="govuk-body">
        {unsafe
          ? 'Marked unsafe to contact: we send the citizen nothing they did not ask for, such as the satisfaction question.'
          : 'Mark the case unsafe to contact if a message from us could put the citizen at risk, for example from someone who sees their phone.'}
      </p>
      <form
        noValidate
        onSubmit={f.submit([], async () => {
          await act.unsafeToContact(ctx.reference, !unsafe);
          await ctx.done(unsafe ? 'No longer marked unsafe to contact' : 'Marked unsafe to contact');
        })}
      >
        <button type="submit" className="govuk-button govuk-button--secondary">
          {unsafe ? 'Clear unsafe to contact' : 'Mark unsafe to contact'}
        </button>
      </form>
    </Section>
  );
}

function EnhancedForm({ ctx, enhanced }: { ctx: CaseCtx; enhanced: boolean }) {
  const f = useForm(ctx, 'enhanced', {});
  return (
    <Section id="enhanced-heading" title="Enhanced Rights">
      <p className="govuk-body">
        {enhanced
          ? 'This victim has Enhanced Rights: key decisions must reach them within 1 working day.'
          : 'This victim does not have Enhanced Rights.'}
      </p>
      <form
        noValidate
        onSubmit={f.submit([], async () => {
          await act.enhancedRights(ctx.reference, !enhanced);
          await ctx.done(enhanced ? 'Enhanced Rights turned off' : 'Enhanced Rights turned on');
        })}
      >
        <button type="submit" className="govuk-button govuk-button--secondary">
          {enhanced ? 'Turn off Enhanced Rights' : 'Turn on Enhanced Rights'}
        </button>
      </form>
    </Section>
  );
}
