import { useEffect, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { CaseMessages } from '../../components/CaseMessages';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CHANNELS, FREQUENCIES, labelOf } from '../../citizen/report/model';
import { formatDateTime, HttpError, type FieldError } from '../../lib/http';
import { usePage } from '../../lib/page';
import { Section } from '../WorkspaceForms';
import { CaseActions, ReplyForm, type CaseCtx } from './CaseForms';
import { decisionOverdue, DELIVERY_TAG, updateOverdue } from './caseLogic';
import { getCase, type CaseDetail } from './casesApi';
import { OverdueTag } from './Cases';

export function CaseViewPage() {
  const { reference = '' } = useParams();
  const [c, setCase] = useState<CaseDetail | null>(null);
  const [loadError, setLoadError] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState('');
  const h1 = usePage(`Case ${reference}`, errors.length > 0);
  const load = () =>
    getCase(reference).then(
      (x) => (setCase(x), setLoadError('')),
      (e) => setLoadError(e instanceof HttpError && e.status === 404 ? 'There is no case with that reference.' : 'The case could not be loaded.'),
    );
  useEffect(() => {
    load();
  }, [reference]);
  const ctx: CaseCtx = { reference, errors, setErrors, done: async (message) => (setDone(message), await load()) };
  return (
    <>
      <Link to="/staff/cases" className="govuk-back-link">
        Back to cases
      </Link>
      <ErrorSummary errors={errors} />
      {c && <span className="govuk-caption-l">{c.categoryLabel}</span>}
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Case {reference}
      </h1>
      <p className="govuk-body" role="status" data-testid="case-done">
        {done}
      </p>
      {loadError && <p className="govuk-error-message">{loadError}</p>}
      {!c && !loadError && <p className="govuk-body">Loading…</p>}
      {c && (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-three-fifths">
            <CaseSummary c={c} />
            <Timeline c={c} />
            <Section id="messages-heading" title="Messages with the citizen">
              <CaseMessages messages={c.messages} me="HANDLER" />
              <ReplyForm ctx={ctx} />
            </Section>
            <Contacts c={c} />
            <Deliveries c={c} />
          </div>
          <div className="govuk-grid-column-two-fifths">
            <CaseActions c={c} ctx={ctx} />
          </div>
        </div>
      )}
    </>
  );
}

function CaseSummary({ c }: { c: CaseDetail }) {
  const d = c.crimeDecision;
  const decision = !d ? 'Not needed' : d.decided
    ? d.recorded ? `Crime recorded: ${d.crimeNumber}` : `No crime recorded: ${d.reason}`
    : <>Not yet decided{d.due && `, due by ${formatDateTime(d.due)}`} {decisionOverdue(d) && <OverdueTag />}</>;
  const rows: [string, ReactNode][] = [
    ['Status', <strong className="govuk-tag govuk-tag--blue">{c.statusLabel}</strong>],
    ['Category', c.categoryLabel],
    ['Opened', formatDateTime(c.openedAt)],
    ['Assigned to', c.assignedTo || 'Not assigned'],
    ['Team', c.team || 'None'],
    ['Enhanced Rights', c.enhancedRights ? 'Yes' : 'No'],
    ['Update preference', `${labelOf(CHANNELS, c.updateChannel)}, ${labelOf(FREQUENCIES, c.updateFrequency).toLowerCase()}`],
    ['Next update due', <>{c.nextUpdateDue ? formatDateTime(c.nextUpdateDue) : 'At the next key decision'} {updateOverdue(c) && <OverdueTag />}</>],
    ['Crime-recording decision', decision],
  ];
  return (
    <dl className="govuk-summary-list" data-testid="case-summary">
      {rows.map(([k, v]) => (
        <div className="govuk-summary-list__row" key={k}>
          <dt className="govuk-summary-list__key">{k}</dt>
          <dd className="govuk-summary-list__value">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function Timeline({ c }: { c: CaseDetail }) {
  return (
    <Section id="timeline-heading" title="Timeline">
      <ol className="govuk-list app-timeline" reversed data-testid="case-timeline">
        {[...c.history].reverse().map((h, i) => (
          <li key={`${h.at}-${i}`} className={`app-timeline__item${h.visibility === 'INTERNAL' ? ' app-timeline__item--internal' : ''}`}>
            {h.visibility === 'INTERNAL' && <strong className="govuk-tag govuk-tag--grey">Internal note — not shown to the citizen</strong>}
            <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{h.title}</h3>
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

function Contacts({ c }: { c: CaseDetail }) {
  return (
    <Section id="contacts-heading" title="Contacts">
      {c.contacts.length === 0 && <p className="govuk-body">No contacts.</p>}
      <ul className="govuk-list">
        {c.contacts.map((x) => (
          <li key={x.contactId}>
            <Link className="govuk-link" to={`/staff/contacts/${encodeURIComponent(x.contactId)}`}>
              {x.channel} contact, {formatDateTime(x.at)}
            </Link>
            {x.summary && `: ${x.summary}`}
          </li>
        ))}
      </ul>
    </Section>
  );
}

function Deliveries({ c }: { c: CaseDetail }) {
  return (
    <Section id="deliveries-heading" title="Update deliveries">
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
