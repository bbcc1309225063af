import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary';
import { HttpError, sendJson, type FieldError } from '../../lib/http';
import { usePage } from '../../lib/page';
import { SatisfactionForm, type SatisfactionAnswer } from './SatisfactionForm';

const COPY = {
  title: 'Tell us how we did',
  intro: (reference: string) => `Your report ${reference} has been resolved. Your answers help us improve how we deal with reports.`,
  thanks: 'Thank you for your feedback',
  thanksBody: 'We read every comment. We will not reply to it.',
  badLink: 'This link is not right',
  badLinkBody: 'Check you used the whole link from our email or text message. You can also give feedback when you track your report.',
  notFound: 'We could not find that report. The link may be incomplete.',
  track: 'Track your report',
};

/** Reached from the link in the satisfaction email or text: the one-time token stands for the tracking code. */
export function FeedbackPage() {
  const [params] = useSearchParams();
  const reference = (params.get('reference') ?? '').trim().toUpperCase();
  const token = params.get('token') ?? '';
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState(false);
  const title = done ? COPY.thanks : reference && token ? COPY.title : COPY.badLink;
  const h1 = usePage(title, errors.length > 0);
  const send = async (answer: SatisfactionAnswer) => {
    try {
      await sendJson<void>('POST', `/api/v1/cases/${encodeURIComponent(reference)}/satisfaction`, answer, { 'X-Feedback-Token': token });
      setDone(true);
    } catch (e) {
      if (e instanceof HttpError && e.status === 404) throw new HttpError(409, { detail: COPY.notFound }, e.headers);
      throw e;
    }
  };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {done ? (
          <div className="govuk-panel govuk-panel--confirmation">
            <h1 className="govuk-panel__title" ref={h1} tabIndex={-1}>
              {COPY.thanks}
            </h1>
            <div className="govuk-panel__body">{COPY.thanksBody}</div>
          </div>
        ) : reference && token ? (
          <>
            <ErrorSummary errors={errors} />
            <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
              {COPY.title}
            </h1>
            <p className="govuk-body">{COPY.intro(reference)}</p>
            <SatisfactionForm send={send} setErrors={setErrors} />
          </>
        ) : (
          <>
            <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
              {COPY.badLink}
            </h1>
            <p className="govuk-body">{COPY.badLinkBody}</p>
          </>
        )}
        <p className="govuk-body">
          <Link className="govuk-link" to={`/track${reference ? `?reference=${encodeURIComponent(reference)}` : ''}`}>
            {COPY.track}
          </Link>
        </p>
      </div>
    </div>
  );
}
