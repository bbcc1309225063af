import { useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { CaseMessages } from '../../components/CaseMessages';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SuccessBanner } from '../../components/SuccessBanner';
import { formatDate, formatDateTime, sendJson, type FieldError } from '../../lib/http';
import { useT } from '../../i18n';
import { usePage } from '../../lib/page';
import { labelOf, useChoices } from '../report/model';
import { CaseFiles } from './CaseFiles';
import { MessageForm, PreferenceForm } from './CitizenForms';
import { SatisfactionForm, type SatisfactionAnswer } from '../satisfaction/SatisfactionForm';
import { VictimSupportOffer } from '../victimsupport/VictimSupportOffer';
import type { Tracking } from './tracking';

interface Props {
  tracking: Tracking;
  /** The tracking code, held in React memory only. */
  code: string;
  refresh: () => Promise<void>;
}

type Entry = Tracking['timeline'][number];

/**
 * A timeline entry in the citizen's language, from its kind and values; an entry from before
 * kinds were kept, or of a kind this page does not know yet, as the server worded it.
 */
export function timelineWords(entry: Entry, t: TFunction): { title: string; detail?: string | null } {
  const [first, second] = entry.args ?? [];
  const how = (channel?: string) => t(`timeline.how.${channel}`, { defaultValue: channel ?? '' });
  switch (entry.kind) {
    case 'REPORT_RECEIVED':
      return { title: t('timeline.REPORT_RECEIVED'), detail: t('timeline.REPORT_RECEIVED_detail', { how: how(first) }) };
    case 'UPDATE':
      return { title: t('timeline.UPDATE'), detail: entry.detail };
    case 'STATUS':
      return {
        title: t('timeline.STATUS', { status: t(`enums.CaseStatus.${first}`, { defaultValue: first ?? '' }) }),
        detail: second ? t('timeline.STATUS_referred', { team: second }) : null,
      };
    case 'REOPENED':
      return { title: t('timeline.REOPENED') };
    case 'CRIME_RECORDED':
      return { title: t('timeline.CRIME_RECORDED'), detail: t('timeline.CRIME_RECORDED_detail', { number: first }) };
    case 'PREFERENCE_CHANGED':
      return { title: t('timeline.PREFERENCE_CHANGED') };
    case 'CONTACT_ADDED':
      return { title: t('timeline.CONTACT_ADDED'), detail: t('timeline.CONTACT_ADDED_detail', { how: how(first) }) };
    default:
      return { title: entry.title, detail: entry.detail };
  }
}

export function TrackingResult({ tracking: tr, code, refresh }: Props) {
  const t = useT();
  const { channels, frequencies } = useChoices();
  const [errors, setErrors] = useState<FieldError[]>([]);
  // Kept as keys, so a success said before a change of language is read in the new one.
  const [success, setSuccess] = useState('');
  const h1 = usePage(t('track.resultTitle', { reference: tr.reference }), errors.length > 0);
  const ctx = { reference: tr.reference, code, setErrors, refresh };
  const satisfied = async (answer: SatisfactionAnswer) => {
    await sendJson<void>('POST', `/api/v1/cases/${encodeURIComponent(tr.reference)}/satisfaction`, answer, { 'X-Tracking-Code': code });
    await refresh().catch(() => undefined);
    setSuccess('satisfaction.thanks');
  };
  const offered = async (message: string) => {
    await refresh().catch(() => undefined);
    setSuccess(message);
  };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <SuccessBanner message={success && t(success, { service: tr.offers.victimSupportService })} testId="success-banner" />
        <span className="govuk-caption-l">{t(`enums.ReportCategory.${tr.category}`, { defaultValue: tr.categoryLabel })}</span>
        <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
          {t('track.resultTitle', { reference: tr.reference })}
        </h1>
        <dl className="govuk-summary-list">
          <Row
            k={t('track.status')}
            v={<strong className="govuk-tag govuk-tag--blue">{t(`enums.CaseStatus.${tr.status}`, { defaultValue: tr.statusLabel })}</strong>}
          />
          <Row k={t('track.reported')} v={formatDateTime(tr.reportedAt)} />
          <Row k={t('track.nextDue')} v={tr.nextUpdateDue ? formatDate(tr.nextUpdateDue) : t('track.keyDecision')} />
          <Row k={t('track.howUpdates')} v={labelOf(channels, tr.updateChannel)} />
          <Row k={t('track.howOften')} v={labelOf(frequencies, tr.updateFrequency)} />
        </dl>
        {tr.reported && (
          <section aria-labelledby="reported-heading" data-testid="what-you-reported">
            <h2 className="govuk-heading-m" id="reported-heading">
              {t('track.toldUs')}
            </h2>
            <dl className="govuk-summary-list">
              <Row k={t('track.whatHappened')} v={<span className="app-pre-wrap">{tr.reported.description}</span>} />
              <Row k={t('track.where')} v={tr.reported.location} />
              <Row k={t('track.when')} v={[formatDate(tr.reported.occurredOn), tr.reported.occurredTime].filter(Boolean).join(', ')} />
            </dl>
          </section>
        )}
        {tr.offers.satisfactionRequestId && (
          <section aria-labelledby="satisfaction-heading">
            <h2 className="govuk-heading-m" id="satisfaction-heading">
              {t('satisfaction.heading')}
            </h2>
            <SatisfactionForm send={satisfied} setErrors={setErrors} />
          </section>
        )}
        <h2 className="govuk-heading-m">{t('track.soFar')}</h2>
        <ol className="govuk-list app-timeline" reversed data-testid="timeline">
          {[...tr.timeline].reverse().map((item, i) => {
            const words = timelineWords(item, t);
            return (
              <li key={`${item.at}-${i}`} className="app-timeline__item">
                <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{words.title}</h3>
                <p className="govuk-body-s govuk-!-margin-bottom-1">
                  <time dateTime={item.at}>{formatDateTime(item.at)}</time>
                </p>
                {words.detail && <p className="govuk-body app-pre-wrap">{words.detail}</p>}
              </li>
            );
          })}
        </ol>
        <section aria-labelledby="messages-heading">
          <h2 className="govuk-heading-m" id="messages-heading">
            {t('track.messagesHeading')}
          </h2>
          <CaseMessages messages={tr.messages ?? []} me="CITIZEN" />
          <MessageForm ctx={ctx} onSent={() => setSuccess('track.messageSent')} />
        </section>
        <CaseFiles
          reference={tr.reference}
          code={code}
          files={tr.files ?? []}
          setErrors={setErrors}
          onSent={() => void refresh().catch(() => undefined)}
        />
        <PreferenceForm ctx={ctx} tracking={tr} onSaved={() => setSuccess('track.preferenceSaved')} />
        <VictimSupportOffer reference={tr.reference} code={code} offers={tr.offers} onDone={offered} setErrors={setErrors} />
        <p className="govuk-body">{t('track.danger')}</p>
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
