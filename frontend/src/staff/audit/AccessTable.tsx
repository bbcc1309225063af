import type { AccessEntry } from './auditApi';
import { formatAuditTime } from './auditLogic';
import { TableHead } from './AuditParts';

const HEADERS = ['Viewed at', 'Viewer', 'Subject type', 'Subject ID', 'Reference', 'View', 'Reason'];

/** Who opened what, when and why: the access log's rows. */
export function AccessTable({ rows, caption, testId }: { rows: AccessEntry[]; caption: string; testId: string }) {
  return (
    <table className="govuk-table" data-testid={testId}>
      <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
      <TableHead headers={HEADERS} />
      <tbody className="govuk-table__body">
        {rows.map((r) => (
          <tr className="govuk-table__row" key={r.eventId}>
            <td className="govuk-table__cell app-nowrap">
              <time dateTime={r.viewedAt}>{formatAuditTime(r.viewedAt)}</time>
            </td>
            <td className="govuk-table__cell">{r.viewer}</td>
            <td className="govuk-table__cell">{r.subjectType}</td>
            <td className="govuk-table__cell app-break-word">{r.subjectId}</td>
            <td className="govuk-table__cell">{r.reference || 'None'}</td>
            <td className="govuk-table__cell">{r.view}</td>
            <td className="govuk-table__cell app-pre-wrap">{r.reason || 'None given'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
