import { useState, type ReactNode } from 'react';
import { CaseMessages } from '../../components/CaseMessages';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SuccessBanner } from '../../components/SuccessBanner';
import { formatDate, formatDateTime, type FieldError } from '../../lib/http';
import { usePage } from '../../lib/page';
import { CHANNELS, FREQUENCIES, labelOf } from '../report/model';
import { CaseFiles } from './CaseFiles';
import { MessageForm, PreferenceForm } from './CitizenForms';
import type { Tracking } from './tracking';

interface Props {
  tracking: Tracking;
  /** The tracking code, held in React memory only. */
  code: string;
  refresh: () => Promise<void>;
}

export function TrackingResult({ tracking: t, code, refresh }: Props) {
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [success, setSuccess] = useState('');
  const h1 = usePage(`Report ${t.reference}`, errors.length > 0);
  const ctx = { reference: t.reference, code, setErrors, refresh };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <SuccessBanner message={success} testId="success-banner" />
        <span className="govuk-caption-l">{t.categoryLabel}</span>
        <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
          Report {t.reference}
        </h1>
        <dl className="govuk-summary-list">
          <Row k="Status" v={<strong className="govuk-tag govuk-tag--blue">{t.statusLabel}</strong>} />
          <Row k="Reported" v={formatDateTime(t.reportedAt)} />
          <Row k="Next update due by" v={t.nextUpdateDue ? formatDate(t.nextUpdateDue) : 'When there is a key decision'} />
          <Row k="How you get updates" v={labelOf(CHANNELS, t.updateChannel)} />
          <Row k="How often" v={labelOf(FREQUENCIES, t.updateFrequency)} />
        </dl>
        {t.reported && (
          <section aria-labelledby="reported-heading" data-testid="what-you-reported">
            <h2 className="govuk-heading-m" id="reported-heading">
              What you told us
            </h2>
            <dl className="govuk-summary-list">
              <Row k="What happened" v={<span className="app-pre-wrap">{t.reported.description}</span>} />
              <Row k="Where" v={t.reported.location} />
              <Row k="When" v={[formatDate(t.reported.occurredOn), t.reported.occurredTime].filter(Boolean).join(', ')} />
            </dl>
          </section>
        )}
        <h2 className="govuk-heading-m">What has happened so far</h2>
        <ol className="govuk-list app-timeline" reversed data-testid="timeline">
          {[...t.timeline].reverse().map((item, i) => (
            <li key={`${item.at}-${i}`} className="app-timeline__item">
              <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{item.title}</h3>
              <p className="govuk-body-s govuk-!-margin-bottom-1">
                <time dateTime={item.at}>{formatDateTime(item.at)}</time>
              </p>
              {item.detail && <p className="govuk-body app-pre-wrap">{item.detail}</p>}
            </li>
          ))}
        </ol>
        <section aria-labelledby="messages-heading">
          <h2 className="govuk-heading-m" id="messages-heading">
            Messages with the officer handling your report
          </h2>
          <CaseMessages messages={t.messages ?? []} me="CITIZEN" />
          <MessageForm ctx={ctx} onSent={() => setSuccess('Your message has been sent')} />
        </section>
        <CaseFiles
          reference={t.reference}
          code={code}
          files={t.files ?? []}
          setErrors={setErrors}
          onSent={() => void refresh().catch(() => undefined)}
        />
        <PreferenceForm ctx={ctx} tracking={t} onSaved={() => setSuccess('How you get updates has been changed')} />
        <p className="govuk-body">If anyone is in danger, call 999.</p>
      </div>
    </div>
  );
}

const Row = ({ k, v }: { k: string; v: ReactNode }) => (
  <div className="govuk-summary-list__row">
    <dt className="govuk-summary-list__key">{k}</dt>
    <dd className="govuk-summary-list__value">{v}</dd>
  </div>
);
