import type { Schema } from '../api/contract';
import { formatDateTime } from '../lib/http';
import { useT } from '../i18n';

/** author: on the handler's view, how a citizen's message came ("text message", "email") or which handler wrote it. */
export type CaseMessage = Schema<'CaseMessage'> & { author?: string | null };

/** A citizen's reply by text or email, as the case's messages say it came (casework replies). */
const BY_REPLY: Record<string, string> = { 'text message': 'by text message', email: 'by email' };

/** Secure messages on a case, oldest first. Text is rendered as text, never as markup. `me` null: an onlooker (an auditor). */
export function CaseMessages({ messages, me }: { messages: CaseMessage[]; me: 'CITIZEN' | 'HANDLER' | null }) {
  const t = useT();
  if (!messages.length) return <p className="govuk-body">{t('caseMessages.none')}</p>;
  const who = (m: CaseMessage) => t(m.from === me ? 'caseMessages.you' : m.from === 'HANDLER' ? 'caseMessages.police' : 'caseMessages.citizen');
  return (
    <ul className="govuk-list app-case-messages" data-testid="case-messages">
      {messages.map((m) => (
        <li key={m.id} className="govuk-inset-text govuk-!-margin-top-0">
          <p className="govuk-body-s govuk-!-margin-bottom-1">
            <strong>{who(m)}</strong>
            {m.from === 'CITIZEN' && m.author && BY_REPLY[m.author] ? ` ${BY_REPLY[m.author]}` : ''},{' '}
            <time dateTime={m.at}>{formatDateTime(m.at)}</time>
          </p>
          <p className="govuk-body app-pre-wrap govuk-!-margin-bottom-0">{m.text}</p>
        </li>
      ))}
    </ul>
  );
}
