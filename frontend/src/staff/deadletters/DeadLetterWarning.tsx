import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { isAdmin } from '../roles';
import { getDeadLetterCount, type DeadLetterCount } from './deadLettersApi';
import { warningText } from './deadLetterLogic';

export const WARNING_POLL_MS = 30_000;

const sees = (roles: string[]) => roles.includes('SUPERVISOR') || isAdmin(roles);

/** On every staff page of supervisors and admins while any event waits in dead letters. */
export function DeadLetterWarning({ roles }: { roles: string[] }) {
  const [count, setCount] = useState<DeadLetterCount | null>(null);
  const watching = sees(roles);
  useEffect(() => {
    if (!watching) return;
    let live = true;
    const ask = () =>
      getDeadLetterCount().then(
        (c) => live && setCount(c),
        () => undefined,
      );
    ask();
    const timer = setInterval(ask, WARNING_POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [watching]);
  // Anything but a positive count (none, or an answer not understood) shows nothing.
  if (!watching || !(Number(count?.deadLetters) > 0)) return null;
  return (
    <div
      className="govuk-notification-banner"
      role="region"
      aria-labelledby="dead-letters-title"
      data-module="govuk-notification-banner"
      data-testid="dead-letter-warning"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="dead-letters-title">
          Important
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">
          {warningText(Number(count!.deadLetters), Array.isArray(count!.readModels) ? count!.readModels : [])}
        </p>
        {isAdmin(roles) ? (
          <p className="govuk-body">
            <Link className="govuk-notification-banner__link" to="/staff/dead-letters">
              Review the dead letters
            </Link>
          </p>
        ) : (
          <p className="govuk-body">An administrator can retry them once the cause is fixed. Everything else is up to date.</p>
        )}
      </div>
    </div>
  );
}
