import { useState } from 'react';
import { Link } from 'react-router-dom';
import { WarningText } from '../../components/SummaryList';
import { copyReferenceAndCode, TrackingCode } from '../report/CheckPage';
import type { CaseOpened } from '../contactApi';

/**
 * The case the handler opened from this chat: shown to the citizen alone (the handler's page
 * never has the code), with the same care as a web report's confirmation.
 */
export function ChatCaseOpened({ opened }: { opened: CaseOpened }) {
  const [status, setStatus] = useState('');
  const copy = () => copyReferenceAndCode(opened.reference, opened.trackingCode, setStatus);
  return (
    <section className="govuk-inset-text" aria-labelledby="case-opened-heading" data-testid="case-opened">
      <h2 className="govuk-heading-m" id="case-opened-heading">
        Your case reference and tracking code
      </h2>
      <p className="govuk-body">
        Your reference number is <strong data-testid="case-reference">{opened.reference}</strong>
      </p>
      <p className="govuk-body app-tracking-code" data-testid="case-tracking-code">
        <TrackingCode code={opened.trackingCode} />
      </p>
      <WarningText>Write them down or copy them now. Only you can see this code, and only in this browser tab.</WarningText>
      <p className="govuk-body">
        <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2" onClick={copy}>
          Copy reference and code
        </button>
      </p>
      <p className="govuk-body" role="status">
        {status}
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/track?reference=${encodeURIComponent(opened.reference)}`} target="_blank" rel="noopener">
          Track your case (opens in a new tab)
        </Link>
      </p>
    </section>
  );
}
