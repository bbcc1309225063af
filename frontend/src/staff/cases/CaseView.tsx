import { useEffect, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { CaseMessages } from '../../components/CaseMessages';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SummaryList } from '../../components/SummaryList';
import { SuccessBanner } from '../../components/SuccessBanner';
import { CHANNELS, FREQUENCIES, labelOf } from '../../citizen/report/model';
import { formatDateTime, HttpError, type FieldError } from '../../lib/http';
import { usePage } from '../../lib/page';
import { Section } from '../WorkspaceForms';
import { CaseActions, ReplyForm, type CaseCtx } from './CaseForms';
import { decisionOverdue, DELIVERY_TAG, updateOverdue } from './caseLogic';
import { getCase, type CaseDetail } from './casesApi';
import { useAccessReason } from '../accessReason';
import { ReasonForm } from '../ReasonForm';
import { isCaseworker } from '../roles';
import { useMe } from '../StaffPages';
import { OverdueTag } from './Cases';
import { CONTACT_KINDS } from '../api';
import { CaseFiles } from '../evidence/StaffFiles';
import { LinkedCases } from './LinkedCases';

export function CaseViewPage() {
  const { reference = '' } = useParams();
  const [c, setCase] = useState<CaseDetail | null>(null);
  const [loadError, setLoadError] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  // Counted, so the same action done twice still brings the banner (and focus) back.
  const [done, setDone] = useState({ message: '', n: 0 });
  // Opening a case may need a reason (428): asked once, then sent on every reload of this case.
  const access = useAccessReason(reference);
  const h1 = usePage(`Case ${reference}`, errors.length > 0);
  // Auditors may read a case (the server lets them GET it) but never act on it.
  const me = useMe();
  const canAct = !me || isCaseworker(me.roles);
  const load = () =>
    access
      .guarded((headers) => getCase(reference, headers))
      .then(
        (x) => {
          if (x) {
            setCase(x);
            setLoadError('');
          }
        },
        (e) => setLoadError(e instanceof HttpError && e.status === 404 ? 'There is no case with that reference.' : 'The case could not be loaded.'),
      );
  useEffect(() => {
    setCase(null);
    setLoadError('');
    load();
  }, [reference]);
  const ctx: CaseCtx = { reference, errors, setErrors, done: async (message) => (setDone((d) => ({ message, n: d.n + 1 })), await load()) };
  const asking = !!access.prompt;
  return (
    <>
      <Link to="/staff/cases" className="govuk-back-link">
        Back to cases
      </Link>
      <ErrorSummary errors={errors} />
      <SuccessBanner key={done.n} message={done.message} testId="case-done" />
      {c && !asking && <span className="govuk-caption-l">{c.categoryLabel}</span>}
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Case {reference}
      </h1>
      {asking && (
        <ReasonForm
          prefix="access"
          question="Why are you opening this record?"
          errors={errors}
          setErrors={setErrors}
          prompt={access.prompt}
          onReason={(reason) => (access.setReason(reason), load())}
        />
      )}
      {!asking && loadError && <p className="govuk-error-message">{loadError}</p>}
      {!asking && !c && !loadError && <p className="govuk-body">Loading…</p>}
      {!asking && c && <CaseDetailView c={c} ctx={canAct ? ctx : undefined} />}
      {!asking && c && <CaseFiles reference={reference} reason={access.reason()} />}
    </>
  );
}

interface DetailProps {
  c: CaseDetail;
  /** The handler's actions; without it (or with `readOnly`) the view has no forms at all. */
  ctx?: CaseCtx;
  readOnly?: boolean;
  /** 3 when the view sits under a heading of its own, as on the audit page. */
  level?: 2 | 3;
  /** Keeps ids unique when the view shares a page with other content. */
  idPrefix?: string;
  /** The moment "overdue" is judged at: now, or the audit's "as it was at" time. */
  now?: number;
}

/** The case as a handler sees it: shared by the handler's case view and the audit's "as it was at". */
export function CaseDetailView({ c, ctx, readOnly = !ctx, level = 2, idPrefix = '', now }: DetailProps) {
  const p = { c, level, idPrefix, readOnly };
  const messages = (
    <Section id={`${idPrefix}messages-heading`} title="Messages with the citizen" level={level}>
      <CaseMessages messages={c.messages} me={readOnly ? null : 'HANDLER'} />
      {!readOnly && ctx && <ReplyForm ctx={ctx} />}
    </Section>
  );
  const body = (
    <>
      <CaseSummary c={c} now={now} />
      <Timeline {...p} />
      {messages}
      <Contacts {...p} />
      <LinkedCases c={c} ctx={readOnly ? undefined : ctx} level={level} idPrefix={idPrefix} />
      <Deliveries {...p} />
    </>
  );
  if (readOnly || !ctx) return <div data-testid="case-detail">{body}</div>;
  return (
    <div className="govuk-grid-row" data-testid="case-detail">
      <div className="govuk-grid-column-two-thirds">{body}</div>
      <div className="govuk-grid-column-one-third">
        <CaseActions c={c} ctx={ctx} />
      </div>
    </div>
  );
}

type PartProps = { c: CaseDetail; level: 2 | 3; idPrefix: string; readOnly: boolean };

function CaseSummary({ c, now = Date.now() }: { c: CaseDetail; now?: number }) {
  const d = c.crimeDecision;
  const decision = !d ? (
    'Not needed'
  ) : d.decided ? (
    d.recorded ? (
      `Crime recorded: ${d.crimeNumber}`
    ) : (
      `No crime recorded: ${d.reason}`
    )
  ) : (
    <>
      Not yet decided{d.due && `, due by ${formatDateTime(d.due)}`} {decisionOverdue(d, now) && <OverdueTag />}
    </>
  );
  const rows: [string, ReactNode][] = [
    ['Status', <strong className="govuk-tag govuk-tag--blue">{c.statusLabel}</strong>],
    ['Category', c.categoryLabel],
    ['Opened', formatDateTime(c.openedAt)],
    ['Assigned to', c.assignedTo || 'Not assigned'],
    ['Team', c.team || 'None'],
    ['Enhanced Rights', c.enhancedRights ? 'Yes' : 'No'],
    ['Unsafe to contact', c.unsafeToContact ? <strong className="govuk-tag govuk-tag--red">Yes</strong> : 'No'],
    ['Update preference', `${labelOf(CHANNELS, c.updateChannel)}, ${labelOf(FREQUENCIES, c.updateFrequency).toLowerCase()}`],
    [
      'Next update due',
      <>
        {c.nextUpdateDue ? formatDateTime(c.nextUpdateDue) : 'At the next key decision'} {updateOverdue(c, now) && <OverdueTag />}
      </>,
    ],
    ['Crime-recording decision', decision],
  ];
  return <SummaryList rows={rows} testId="case-summary" />;
}

function Timeline({ c, level, idPrefix }: PartProps) {
  const Item = level === 3 ? 'h4' : 'h3';
  return (
    <Section id={`${idPrefix}timeline-heading`} title="Timeline" level={level}>
      <ol className="govuk-list app-timeline" reversed data-testid="case-timeline">
        {[...c.history].reverse().map((h, i) => (
          <li key={`${h.at}-${i}`} className={`app-timeline__item${h.visibility === 'INTERNAL' ? ' app-timeline__item--internal' : ''}`}>
            {h.visibility === 'INTERNAL' && <strong className="govuk-tag govuk-tag--grey">Internal note — not shown to the citizen</strong>}
            <Item className="govuk-heading-s govuk-!-margin-bottom-1">{h.title}</Item>
            <p className="govuk-body-s govuk-!-margin-bottom-1">
              <time dateTime={h.at}>{formatDateTime(h.at)}</time>
              {h.actor && ` by ${h.actor}`}
            </p>
            {h.detail && <p className="govuk-body app-pre-wrap">{h.detail}</p>}
          </li>
        ))}
      </ol>
    </Section>
  );
}

function Contacts({ c, level, idPrefix, readOnly }: PartProps) {
  return (
    <Section id={`${idPrefix}contacts-heading`} title="Contacts" level={level}>
      {c.contacts.length === 0 && <p className="govuk-body">No contacts.</p>}
      <ul className="govuk-list">
        {c.contacts.map((x) => (
          <li key={x.contactId}>
            {readOnly ? (
              `${CONTACT_KINDS[x.channel] ?? x.channel}, ${formatDateTime(x.at)}`
            ) : (
              <Link className="govuk-link" to={`/staff/contacts/${encodeURIComponent(x.contactId)}`}>
                {CONTACT_KINDS[x.channel] ?? x.channel}, {formatDateTime(x.at)}
              </Link>
            )}
            {x.summary && `: ${x.summary}`}
          </li>
        ))}
      </ul>
    </Section>
  );
}

function Deliveries({ c, level, idPrefix }: PartProps) {
  return (
    <Section id={`${idPrefix}deliveries-heading`} title="Update deliveries" level={level}>
      {c.deliveries.length === 0 ? (
        <p className="govuk-body">No updates sent yet.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Deliveries of public updates</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {['When', 'Channel', 'Status', 'Attempts'].map((h) => (
                <th key={h} scope="col" className="govuk-table__header">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {c.deliveries.map((x) => (
              <tr className="govuk-table__row" key={`${x.updateId}-${x.channel}`}>
                <td className="govuk-table__cell">{formatDateTime(x.at)}</td>
                <td className="govuk-table__cell">{labelOf(CHANNELS, x.channel)}</td>
                <td className="govuk-table__cell">
                  <strong className={`govuk-tag ${DELIVERY_TAG[x.status] ?? 'govuk-tag--grey'}`}>{x.status.replace('_', ' ').toLowerCase()}</strong>
                  {x.status === 'FAILED' && x.error && <p className="govuk-error-message govuk-!-margin-bottom-0">{x.error}</p>}
                </td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{x.attempts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
