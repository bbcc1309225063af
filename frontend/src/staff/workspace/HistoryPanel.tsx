import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { CATEGORIES, labelOf } from '../../citizen/report/model';
import { formatDateTime } from '../../lib/http';
import { CONTACT_KINDS, getContactHistory, type ContactHistory } from '../api';
import { reasonHeaders } from '../accessReason';

const MATCHED_BY: Record<string, string> = { PHONE: 'same phone number', EMAIL: 'same email address', NAME: 'same name' };

/** Loads the contact's history once the contact itself has loaded (with its reason, if one was asked). */
export function useContactHistory(contactId: string, reason: () => string, ready: boolean) {
  const [history, setHistory] = useState<ContactHistory | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    setHistory(null);
    setFailed(false);
    if (!ready) return;
    getContactHistory(contactId, reasonHeaders(reason())).then(setHistory, () => setFailed(true));
  }, [contactId, ready]);
  return { history, failed };
}

/** The same person's other contacts and cases, on any channel: what a screen-pop shows for calls. */
export function HistoryPanel({ history, failed }: { history: ContactHistory | null; failed: boolean }) {
  if (failed) return <p className="govuk-body">Their other contacts could not be loaded. Reload the page to try again.</p>;
  if (!history) return <p className="govuk-body">Loading…</p>;
  return (
    <div data-testid="contact-history">
      {history.repeat && (
        <p className="govuk-body">
          <strong className="moj-badge moj-badge--red">Repeat contact</strong> They have contacted us before from the same phone number or email
          address in the last 90 days.
        </p>
      )}
      <h3 className="govuk-heading-s">Other contacts</h3>
      {history.contacts.length === 0 ? (
        <p className="govuk-body">None found by their phone number, email address or name.</p>
      ) : (
        <ul className="govuk-list">
          {history.contacts.map((c) => (
            <li key={c.contactId}>
              <Link className="govuk-link" to={`/staff/contacts/${encodeURIComponent(c.contactId)}`}>
                {CONTACT_KINDS[c.channel] ?? c.channel}, {formatDateTime(c.at)}
              </Link>
              <span className="govuk-body-s">
                {' '}
                ({c.matchedBy.map((m) => MATCHED_BY[m] ?? m).join(', ')}){c.reference ? `, case ${c.reference}` : ''}
              </span>
              <br />
              <span className="govuk-body-s app-pre-wrap">{c.summary}</span>
            </li>
          ))}
        </ul>
      )}
      <h3 className="govuk-heading-s">Their cases</h3>
      {history.cases.length === 0 ? (
        <p className="govuk-body">None.</p>
      ) : (
        <ul className="govuk-list">
          {history.cases.map((c) => (
            <li key={c.reference ?? ''}>
              <Link className="govuk-link" to={`/staff/cases/${encodeURIComponent(c.reference ?? '')}`}>
                {c.reference}
              </Link>{' '}
              <span className="govuk-body-s">
                {[c.category && labelOf(CATEGORIES, c.category), c.statusLabel ?? c.status].filter(Boolean).join(', ')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
