import { formatTime } from '../lib/http';
import { useT } from '../i18n';

/** Both sides see the same warning: the chat closes at `closesAt` unless someone writes. */
export function IdleWarning({ closesAt }: { closesAt: string | null | undefined }) {
  const t = useT();
  if (!closesAt) return null;
  return (
    <div className="govuk-warning-text" data-testid="idle-warning">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">{t('common.warning')}</span>
        {t('chat.idle', { time: formatTime(closesAt) })}
      </strong>
    </div>
  );
}
