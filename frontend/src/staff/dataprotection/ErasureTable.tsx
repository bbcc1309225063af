import { formatAuditTime } from '../audit/auditLogic';
import { TableHead } from '../audit/AuditParts';
import type { ErasureRow } from './dataProtectionApi';
import { basisLabel, scrubState } from './dataProtectionLogic';

const HEADERS = ['Erased at', 'Person (first contact ID)', 'Legal basis', 'Reason', 'Approved by', 'Read models'];

/** Every erasure, newest first, and whether the read models are clean of it yet. */
export function ErasureTable({ rows }: { rows: ErasureRow[] | null }) {
  if (rows === null) return <p className="govuk-body">Loading…</p>;
  if (!rows.length) return <p className="govuk-body">No one's personal data has been erased.</p>;
  return (
    <table className="govuk-table" data-testid="erasures">
      <caption className="govuk-table__caption govuk-visually-hidden">Erasures, newest first</caption>
      <TableHead headers={HEADERS} />
      <tbody className="govuk-table__body">
        {rows.map((r) => {
          const scrub = scrubState(r.rebuilds);
          return (
            <tr className="govuk-table__row" key={r.erasure_id} data-subject={r.subject_id}>
              <td className="govuk-table__cell app-nowrap">
                <time dateTime={r.erased_at}>{formatAuditTime(r.erased_at)}</time>
              </td>
              <td className="govuk-table__cell app-break-word">{r.subject_id}</td>
              <td className="govuk-table__cell">{basisLabel(r.legal_basis)}</td>
              <td className="govuk-table__cell app-pre-wrap">{r.reason}</td>
              <td className="govuk-table__cell">{r.approved_by}</td>
              <td className="govuk-table__cell">
                <strong className={`govuk-tag ${scrub.tag}`}>{scrub.label}</strong>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
