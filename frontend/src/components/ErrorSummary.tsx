import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import type { FieldError } from '../lib/http';
import { useT } from '../i18n';

/** Error links point at field ids; a leading "/" means another page (used on the check page). */
export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  // Focus on every new set of errors so a screen reader announces them at once.
  useEffect(() => {
    if (errors.length) ref.current?.focus();
  }, [errors]);
  if (!errors.length) return null;
  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 className="govuk-error-summary__title" id="error-summary-title">
        {t('common.problem')}
      </h2>
      <div className="govuk-error-summary__body">
        <ul className="govuk-list govuk-error-summary__list">
          {errors.map((e) => (
            <li key={e.field + e.message}>
              <ErrorLink target={e.field}>{e.message}</ErrorLink>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** An empty field means a problem that no field can fix, such as the service being down. */
function ErrorLink({ target, children }: { target: string; children: string }) {
  // Links to other pages must stay inside the router, or a reload would lose the answers.
  if (target.startsWith('/')) return <Link to={target}>{children}</Link>;
  if (!target) return <>{children}</>;
  return (
    <a
      href={`#${target}`}
      onClick={(event) => {
        const field = document.getElementById(target);
        if (!field) return;
        event.preventDefault();
        field.focus();
        field.scrollIntoView({ block: 'center' });
      }}
    >
      {children}
    </a>
  );
}
