import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useT } from '../../i18n';
import { HttpError, sendJson, type FieldError } from '../../lib/http';
import { usePage } from '../../lib/page';
import { SatisfactionForm, type SatisfactionAnswer } from './SatisfactionForm';

/** Reached from the link in the satisfaction email or text: the one-time token stands for the tracking code. */
export function FeedbackPage() {
  const t = useT();
  const [params] = useSearchParams();
  const reference = (params.get('reference') ?? '').trim().toUpperCase();
  const token = params.get('token') ?? '';
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState(false);
  const title = done ? t('satisfaction.thanks') : reference && token ? t('satisfaction.heading') : t('feedback.badLink');
  const h1 = usePage(title, errors.length > 0);
  const send = async (answer: SatisfactionAnswer) => {
    try {
      await sendJson<void>('POST', `/api/v1/cases/${encodeURIComponent(reference)}/satisfaction`, answer, { 'X-Feedback-Token': token });
      setDone(true);
    } catch (e) {
      if (e instanceof HttpError && e.status === 404) throw new HttpError(409, { detail: t('feedback.notFound') }, e.headers);
      throw e;
    }
  };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {done ? (
          <div className="govuk-panel govuk-panel--confirmation">
            <h1 className="govuk-panel__title" ref={h1} tabIndex={-1}>
              {t('satisfaction.thanks')}
            </h1>
            <div className="govuk-panel__body">{t('feedback.thanksBody')}</div>
          </div>
        ) : reference && token ? (
          <>
            <ErrorSummary errors={errors} />
            <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
              {t('satisfaction.heading')}
            </h1>
            <p className="govuk-body">{t('feedback.intro', { reference })}</p>
            <SatisfactionForm send={send} setErrors={setErrors} />
          </>
        ) : (
          <>
            <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
              {t('feedback.badLink')}
            </h1>
            <p className="govuk-body">{t('feedback.badLinkBody')}</p>
          </>
        )}
        <p className="govuk-body">
          <Link className="govuk-link" to={`/track${reference ? `?reference=${encodeURIComponent(reference)}` : ''}`}>
            {t('confirmation.track')}
          </Link>
        </p>
      </div>
    </div>
  );
}
