import type { ReactNode, Ref } from 'react';
import { useT } from '../i18n';

/** How long values wrap: ids and hashes break anywhere; text people wrote keeps its line breaks. */
type Wrap = 'break-word' | 'pre-wrap';

interface Props {
  rows: [string, ReactNode][];
  wrap?: Wrap;
  className?: string;
  testId?: string;
}

/** A GOV.UK summary list of key and value rows. */
export function SummaryList({ rows, wrap, className, testId }: Props) {
  return (
    <dl className={className ? `govuk-summary-list ${className}` : 'govuk-summary-list'} data-testid={testId}>
      {rows.map(([key, value]) => (
        <div className="govuk-summary-list__row" key={key}>
          <dt className="govuk-summary-list__key">{key}</dt>
          <dd className={wrap ? `govuk-summary-list__value app-${wrap}` : 'govuk-summary-list__value'}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A GOV.UK warning: the icon, and "Warning" for screen readers before the text. */
export function WarningText({ children, testId, alertRef }: { children: ReactNode; testId?: string; alertRef?: Ref<HTMLDivElement> }) {
  const t = useT();
  // With alertRef it is something to act on now: announced at once, and focus can be put on it.
  return (
    <div
      className="govuk-warning-text"
      data-testid={testId}
      ref={alertRef}
      tabIndex={alertRef ? -1 : undefined}
      role={alertRef ? 'alert' : undefined}
    >
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">{t('common.warning')}</span>
        {children}
      </strong>
    </div>
  );
}
