import type { ReactNode, Ref } from 'react';
import { Link } from 'react-router-dom';
import { ErrorSummary } from '../../components/ErrorSummary';
import type { FieldError } from '../../lib/http';

/** The top of every audit page: the way back, any errors, and the page's focusable heading. */
export function AuditPageTop({ h1, errors, children }: { h1: Ref<HTMLHeadingElement>; errors: FieldError[]; children: ReactNode }) {
  return (
    <>
      <Link to="/staff/audit" className="govuk-back-link">
        Back to audit
      </Link>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">Audit</span>
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        {children}
      </h1>
    </>
  );
}

/** A GOV.UK table's column headings; `numeric` lists the indexes of right-aligned columns. */
export function TableHead({ headers, numeric = [] }: { headers: string[]; numeric?: number[] }) {
  return (
    <thead className="govuk-table__head">
      <tr className="govuk-table__row">
        {headers.map((h, i) => (
          <th key={h} scope="col" className={`govuk-table__header${numeric.includes(i) ? ' govuk-table__header--numeric' : ''}`}>
            {h}
          </th>
        ))}
      </tr>
    </thead>
  );
}
