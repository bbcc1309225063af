import { formatTime } from '../lib/http';

/** Both sides see the same warning: the chat closes at `closesAt` unless someone writes. */
export function IdleWarning({ closesAt }: { closesAt: string | null | undefined }) {
  if (!closesAt) return null;
  return (
    <div className="govuk-warning-text" data-testid="idle-warning">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        Nobody has written for a while. This chat will close at {formatTime(closesAt)} unless a message is sent.
      </strong>
    </div>
  );
}
