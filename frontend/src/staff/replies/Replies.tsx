import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SuccessBanner } from '../../components/SuccessBanner';
import { Textarea, TextInput } from '../../components/fields';
import { fieldErrors, formatDateTime, type FieldError } from '../../lib/http';
import { usePage } from '../../lib/page';
import { caseLink } from '../cases/Cases';
import { attachReply, closeReply, getUnmatchedReplies, type UnmatchedReply } from './repliesApi';

const COPY = {
  title: 'Replies to match',
  intro:
    'Texts and emails from citizens that Blue Lamp could not match to a case: the sender is not the verified number or address of one open case, or the reply names a case its sender is not verified for. Read each one, then put it on the case it belongs to, or close it.',
  none: 'There are no replies waiting.',
  loadFailed: 'The replies could not be loaded. Try again later.',
  from: (r: UnmatchedReply) => `${r.channelLabel} from ${r.sender}`,
  received: 'Received',
  subject: 'Subject',
  names: 'Names',
  reference: 'Case reference',
  referenceHint: 'Check the case is this citizen’s before you put the reply on it. For example, BL-2026-000123',
  referenceMissing: 'Enter the case reference, like BL-2026-000123',
  attach: 'Put on the case',
  closeSummary: 'Close this reply instead',
  note: 'Why it belongs to no case',
  noteHint: 'For example, a wrong number. Never the person’s details.',
  close: 'Close the reply',
  attached: (ref: string) => `The reply is on case ${ref} as a message from the citizen`,
  closed: 'The reply is closed',
};

const NOTE_MAX = 500;

/** The handler's queue of replies by text and email that matched no case. */
export function RepliesPage() {
  const [rows, setRows] = useState<UnmatchedReply[] | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState('');
  const [tick, setTick] = useState(0);
  const h1 = usePage(COPY.title, errors.length > 0);
  useEffect(() => {
    getUnmatchedReplies().then(setRows, () => (setRows([]), setErrors([{ field: '', message: COPY.loadFailed }])));
  }, [tick]);
  const finished = (message: string) => (setErrors([]), setDone(message), setTick((t) => t + 1));
  return (
    <>
      <Link to="/staff/queue" className="govuk-back-link">
        Back to queues
      </Link>
      <ErrorSummary errors={errors} />
      <SuccessBanner message={done} testId="reply-done" />
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        {COPY.title}
      </h1>
      <p className="govuk-body">{COPY.intro}</p>
      {rows && rows.length === 0 && (
        <p className="govuk-body" data-testid="no-replies">
          {COPY.none}
        </p>
      )}
      {rows?.map((r) => (
        <ReplyCard key={r.replyId} reply={r} errors={errors} setErrors={setErrors} onDone={finished} />
      ))}
    </>
  );
}

interface CardProps {
  reply: UnmatchedReply;
  errors: FieldError[];
  setErrors: (e: FieldError[]) => void;
  onDone: (message: string) => void;
}

function ReplyCard({ reply: r, errors, setErrors, onDone }: CardProps) {
  const [reference, setReference] = useState(r.mentions[0] ?? '');
  const [note, setNote] = useState('');
  const id = (name: string) => `${name}-${r.replyId}`;
  const error = (name: string) => errors.find((e) => e.field === id(name))?.message;
  const ours = (found: FieldError[]) => found.map((e) => (e.field ? { ...e, field: id(e.field) } : e));

  const attach = async (event: FormEvent) => {
    event.preventDefault();
    const ref = reference.trim().toUpperCase();
    if (!ref) return setErrors([{ field: id('reference'), message: COPY.referenceMissing }]);
    try {
      await attachReply(r.replyId, ref);
      onDone(COPY.attached(ref));
    } catch (e) {
      setErrors(ours(fieldErrors(e)));
    }
  };
  const close = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await closeReply(r.replyId, note.trim());
      onDone(COPY.closed);
    } catch (e) {
      setErrors(ours(fieldErrors(e)));
    }
  };
  const heading = id('heading');
  return (
    <section className="govuk-summary-card" aria-labelledby={heading} data-testid="unmatched-reply" data-reply-id={r.replyId}>
      <div className="govuk-summary-card__title-wrapper">
        <h2 className="govuk-summary-card__title" id={heading}>
          {COPY.from(r)}
        </h2>
      </div>
      <div className="govuk-summary-card__content">
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{COPY.received}</dt>
            <dd className="govuk-summary-list__value">{formatDateTime(r.receivedAt)}</dd>
          </div>
          {r.subject && (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{COPY.subject}</dt>
              <dd className="govuk-summary-list__value">{r.subject}</dd>
            </div>
          )}
          {r.mentions.length > 0 && (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">{COPY.names}</dt>
              <dd className="govuk-summary-list__value">
                {r.mentions.map((m, i) => (
                  <span key={m}>
                    {i > 0 && ', '}
                    <Link className="govuk-link" to={caseLink(m)}>
                      {m}
                    </Link>
                  </span>
                ))}
              </dd>
            </div>
          )}
        </dl>
        <div className="govuk-inset-text">
          <p className="govuk-body app-pre-wrap govuk-!-margin-bottom-0">{r.text}</p>
        </div>
        <form noValidate onSubmit={attach}>
          <TextInput
            id={id('reference')}
            label={COPY.reference}
            hint={COPY.referenceHint}
            value={reference}
            onChange={setReference}
            error={error('reference')}
            spellCheck={false}
            autoComplete="off"
            width="govuk-input--width-20"
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {COPY.attach}
          </button>
        </form>
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">{COPY.closeSummary}</span>
          </summary>
          <div className="govuk-details__text">
            <form noValidate onSubmit={close}>
              <Textarea
                id={id('note')}
                label={COPY.note}
                hint={COPY.noteHint}
                value={note}
                onChange={setNote}
                error={error('note')}
                maxLength={NOTE_MAX}
                rows={3}
                small
              />
              <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                {COPY.close}
              </button>
            </form>
          </div>
        </details>
      </div>
    </section>
  );
}
