import { useState } from 'react';
import { Link } from 'react-router-dom';
import { WarningText } from '../../components/SummaryList';
import { copyReferenceAndCode, TrackingCode } from '../report/CheckPage';
import type { CaseOpened } from '../contactApi';
import { Trans } from 'react-i18next';
import { useT } from '../../i18n';

/**
 * The case the handler opened from this chat: shown to the citizen alone (the handler's page
 * never has the code), with the same care as a web report's confirmation.
 */
export function ChatCaseOpened({ opened }: { opened: CaseOpened }) {
  const t = useT();
  const [status, setStatus] = useState('');
  const copy = () => copyReferenceAndCode(opened.reference, opened.trackingCode, setStatus);
  return (
    <section className="govuk-inset-text" aria-labelledby="case-opened-heading" data-testid="case-opened">
      <h2 className="govuk-heading-m" id="case-opened-heading">
        {t('chat.caseHeading')}
      </h2>
      <p className="govuk-body">
        <Trans i18nKey="chat.caseReference" values={{ reference: opened.reference }} components={{ b: <strong data-testid="case-reference" /> }} />
      </p>
      <p className="govuk-body app-tracking-code" data-testid="case-tracking-code">
        <TrackingCode code={opened.trackingCode} />
      </p>
      <WarningText>{t('chat.caseWarning')}</WarningText>
      <p className="govuk-body">
        <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2" onClick={copy}>
          {t('confirmation.copy')}
        </button>
      </p>
      <p className="govuk-body" role="status">
        {status}
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/track?reference=${encodeURIComponent(opened.reference)}`} target="_blank" rel="noopener">
          {t('chat.caseTrack')}
        </Link>
      </p>
    </section>
  );
}
