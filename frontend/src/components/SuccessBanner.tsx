import { useEffect, useRef } from 'react';
import { useT } from '../i18n';

/**
 * GOV.UK's success notification banner for what the person just did: focus moves to it (and the
 * page to it), so a result is never 3,000 px away from where they are looking.
 */
export function SuccessBanner({ message, testId }: { message?: string | null; testId?: string }) {
  const t = useT();
  const banner = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) banner.current?.focus();
  }, [message]);
  if (!message) return null;
  return (
    <div
      className="govuk-notification-banner govuk-notification-banner--success"
      role="alert"
      aria-labelledby="success-banner-title"
      tabIndex={-1}
      ref={banner}
      data-testid={testId}
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="success-banner-title">
          {t('common.success')}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{message}</p>
      </div>
    </div>
  );
}
